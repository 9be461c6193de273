"""The coach eval: its data set is well-formed, its scorer is right, and it runs end to end on rules."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from coach.domain.retrospective import (
    ActionItem,
    CauseChain,
    Dimension,
    Goal,
    Lesson,
    LessonAction,
    Retrospective,
    Verdict,
)
from coach.evaluation import coach as suite

DIALOGUES = suite.load_dialogues()
DIMENSIONS = {d.value for d in Dimension}
ACTIONS = {a.value for a in LessonAction}
VERDICTS = {v.value for v in Verdict}


def _verdict(ratio: float) -> str:
    if ratio >= 0.05:
        return "exceeded"
    if ratio >= 0:  # the target reached; short of it is never met
        return "met"
    return "missed" if ratio >= -0.2 else "far_missed"


def _keywords(gold: dict[str, Any]) -> list[str]:
    words = list(gold.get("main_root_keywords", []))
    for goal in gold["goals"]:
        words += goal["name_keywords"]
    for item in gold["lessons"] + gold["actions"]:
        words += item["keywords"]
    return words


# ---------------------------------------------------------------- the data set


def test_data_set_size_and_mix() -> None:
    assert len(DIALOGUES) >= 10
    languages = [d["language"] for d in DIALOGUES]
    assert languages.count("zh") >= 7 and languages.count("en") >= 3
    assert len({d["id"] for d in DIALOGUES}) == len(DIALOGUES), "ids must be unique"


@pytest.mark.parametrize("dialogue", DIALOGUES, ids=[d["id"] for d in DIALOGUES])
def test_dialogue_is_well_formed(dialogue: dict[str, Any]) -> None:
    assert set(dialogue) >= {"id", "language", "team", "review_date", "turns", "gold"}
    assert dialogue["language"] in ("zh", "en")
    review_date = dt.date.fromisoformat(dialogue["review_date"])
    turns = dialogue["turns"]
    assert len(turns) >= 10 and all(isinstance(t, str) and t.strip() for t in turns)
    gold = dialogue["gold"]
    assert gold["goals"] and gold["lessons"] and gold["actions"] and gold["main_root_keywords"]
    assert 0 < gold["main_share"] <= 1
    for goal in gold["goals"]:
        assert goal["verdict"] in VERDICTS
        ratio = (goal["result_value"] - goal["target_value"]) / goal["target_value"]
        if goal.get("lower_is_better"):
            ratio = -ratio
        assert _verdict(ratio) == goal["verdict"], goal
    for lesson in gold["lessons"]:
        assert lesson["dimension"] in DIMENSIONS and lesson["action"] in ACTIONS
    for action in gold["actions"]:
        assert action["who"] and action["when"]
        assert dt.date.fromisoformat(action["when"]) >= review_date
    # every gold keyword is something the user actually typed
    typed = suite.norm("\n".join(turns))
    for word in _keywords(gold):
        assert word.strip() and suite.norm(word) in typed, f"{dialogue['id']}: {word!r} never typed"


def test_readme_and_baseline_are_there() -> None:
    assert (suite.EVAL_DIR / "README.md").is_file()
    baseline = (suite.EVAL_DIR / "baseline.txt").read_text(encoding="utf-8")
    assert baseline.startswith("[development set]\ncoach suite · engine=rules")
    assert "[held-out set]" in baseline


# ---------------------------------------------------------------- the scorer


def _gold() -> dict[str, Any]:
    return {
        "goals": [
            {
                "name_keywords": ["回款"],
                "target_value": 120000000,
                "result_value": 96000000,
                "verdict": "missed",
            },
            {"name_keywords": ["新客户"], "target_value": 50, "result_value": 62, "verdict": "exceeded"},
            {"name_keywords": ["MTTR"], "target_value": 30, "result_value": 52, "verdict": "far_missed"},
        ],
        "main_root_keywords": ["回款跟踪机制"],
        "main_share": 0.7,
        "lessons": [
            {"keywords": ["渠道推广"], "dimension": "business", "action": "continue"},
            {"keywords": ["回款跟踪"], "dimension": "organization", "action": "start"},
        ],
        "actions": [
            {"keywords": ["回款台账"], "who": "王磊", "when": "2026-05-08"},
            {"keywords": ["带教"], "who": "李娜", "when": "2026-05-31"},
        ],
    }


def _doc() -> Retrospective:
    return Retrospective(
        id="r",
        title="t",
        goals=[
            # found through the evidence, values right, verdict wrong
            Goal(
                name="大客户",
                evidence="回款目标1.2亿，实际9600万",
                target_value=1.2e8,
                result_value=9.6e7,
                verdict=Verdict.far_missed,
            ),
            Goal(name="新客户数", target_value=50, result_value=62, verdict=Verdict.exceeded),
            Goal(name="满意度"),  # not in gold
        ],
        cause_chains=[
            CauseChain(phenomenon="回款没达成", root_cause="销售不跟进", share=0.2),
            CauseChain(phenomenon="回款没达成", root_cause="没有回款跟踪机制", share=0.75, is_main=True),
        ],
        lessons=[
            Lesson(text="继续做渠道推广", dimension=Dimension.business, action=LessonAction.continue_),
            Lesson(text="新增回款跟踪机制", dimension=Dimension.culture, action=LessonAction.start),
            Lesson(text="多喝水", dimension=Dimension.people, action=LessonAction.optimize),
        ],
        actions=[
            ActionItem(what="回款", how="每周一对齐大客户回款台账", who="王磊", when=dt.date(2026, 5, 8)),
            ActionItem(what="带教", how="给新销售配导师", who="@李娜", when=None),
        ],
    )


def test_scorer_counts_matches_and_checks() -> None:
    tally = suite.Tally()
    score = suite.score_review(_doc(), _gold(), tally, "t")

    assert (tally.gold["goals"], tally.found["goals"], tally.matched["goals"]) == (3, 3, 2)
    assert tally.checks["goal values"] == [True, True]
    assert tally.checks["goal verdict"] == [False, True]
    assert (tally.gold["main cause"], tally.found["main cause"], tally.matched["main cause"]) == (1, 1, 1)
    assert tally.checks["main share ±0.1"] == [True]
    assert (tally.gold["lessons"], tally.found["lessons"], tally.matched["lessons"]) == (2, 3, 2)
    assert tally.checks["lesson dimension"] == [True, False]
    assert tally.checks["lesson action"] == [True, True]
    assert tally.checks["lesson typing (both)"] == [True, False]
    assert (tally.gold["actions"], tally.found["actions"], tally.matched["actions"]) == (2, 2, 2)
    assert tally.checks["action owner exact"] == [True, False]  # "@李娜" is not "李娜"
    assert tally.checks["action date exact"] == [True, False]
    assert score.goals == (2, 3) and score.main and score.lessons == (2, 2) and score.actions == (2, 2)
    assert any("MTTR" in miss for miss in tally.misses)


def test_scorer_main_cause_needs_the_flag_and_a_close_share() -> None:
    doc = _doc()
    doc.cause_chains[1].is_main = False
    doc.cause_chains[0].is_main = True  # the wrong chain is the main one
    tally = suite.Tally()
    assert not suite.score_review(doc, _gold(), tally).main
    assert tally.matched["main cause"] == 0 and tally.checks["main share ±0.1"] == []

    doc = _doc()
    doc.cause_chains[1].share = 0.5  # found, but 0.2 off
    tally = suite.Tally()
    assert suite.score_review(doc, _gold(), tally).main
    assert tally.checks["main share ±0.1"] == [False]


def test_matching_is_one_to_one() -> None:
    gold = _gold()
    gold["lessons"].append({"keywords": ["渠道推广"], "dimension": "business", "action": "continue"})
    tally = suite.Tally()
    suite.score_review(_doc(), gold, tally)
    assert tally.matched["lessons"] == 2 and tally.gold["lessons"] == 3


def test_percentile_nearest_rank() -> None:
    assert suite.percentile([], 95) == 0.0
    assert suite.percentile([float(i) for i in range(1, 101)], 95) == 95.0
    assert suite.percentile([3.0, 1.0, 2.0], 50) == 2.0


# ---------------------------------------------------------------- end to end on rules


def test_suite_runs_on_the_rules_engine(coach_home: Path) -> None:
    from coach.settings import get_settings

    engine = suite.make_engine(get_settings(), "rules")
    report = suite.evaluate(engine, DIALOGUES)
    assert report.errors == [], report.errors
    assert len(report.latencies) == sum(len(d["turns"]) for d in DIALOGUES)
    assert len(report.lines) == len(DIALOGUES)

    text = suite.render(report, "rules")
    assert text.startswith(f"coach suite · engine=rules · {len(DIALOGUES)} dialogues")
    for row in (*suite.FIELDS, *suite.CHECKS, "turns raising an exception", "turn latency p95 (ms)"):
        assert row in text, row
    for dialogue in DIALOGUES:
        assert dialogue["id"] in text
    assert re.search(r"^turns raising an exception\s+0\s", text, re.M)


def test_run_prints_the_report(coach_home: Path) -> None:
    from coach.settings import get_settings

    text = suite.run(get_settings(), "rules")
    assert "field" in text and "check (on matched items)" in text and "dialogue" in text
    assert [label for label, _, _ in suite.eval_sets()][:2] == ["development set", "styles set"]


def test_the_styles_set_is_scored_fact_by_fact_and_lists_its_wrong_facts(coach_home: Path) -> None:
    """Only the styles set has a complete gold: it alone gets fact rows and a wrong-facts line."""
    from coach.settings import get_settings

    text = suite.run(get_settings(), "rules", verbose=True)
    development, styles = text.split("[styles set]")[0], text.split("[styles set]")[1].split("[held-out")[0]
    assert "fact field" not in development
    assert re.search(r"^reflections\s+\d+\s+\d+\s+\d+\s+[\d.]+%$", styles, re.M)
    dialogues = len(suite.load_dialogues(suite.STYLES))
    wrong = re.search(rf"^wrong facts\s+(\d+) in {dialogues} dialogues", styles, re.M)
    assert wrong is not None
    # verbose lists each wrong fact with its dialogue, so the count can be checked line by line
    listed = re.findall(
        r"^s\d{2,3}-\S+ (?:goals|highlights|shortfalls|chains|reflections|lessons|actions"
        r"|forbidden)\b",
        styles,
        re.M,
    )
    assert len(listed) == int(wrong.group(1))


def test_llm_engine_path_falls_back_to_rules_per_turn(coach_home: Path) -> None:
    """With an endpoint that refuses connections, every turn is served by the rules fallback."""
    from coach.settings import get_settings

    settings = get_settings().model_copy(
        update={
            "llm_base_url": "http://127.0.0.1:9/v1",
            "llm_api_key": "test",
            "llm_max_retries": 0,
            "llm_timeout_s": 2.0,
        }
    )
    dialogue = {**DIALOGUES[0], "turns": DIALOGUES[0]["turns"][:6]}
    report = suite.evaluate(suite.make_engine(settings, "llm"), [dialogue])
    assert report.errors == []
    assert report.fallbacks == len(dialogue["turns"])
    assert "turns served by fallback" in suite.render(report, "llm")
