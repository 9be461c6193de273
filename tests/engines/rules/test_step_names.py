"""One name for the method's steps: the coach's replies count four steps and name each by its label in
coach.domain.labels; none names a fifth step or a step by another name, and "到哪了" never says 第 5/5 步."""

from __future__ import annotations

import re
import string

import pytest

from coach.domain.labels import METHOD, METHOD_STEP, METHOD_STEPS, STEPS
from coach.domain.retrospective import Language
from coach.engines.base import OpenAction, run_turn
from coach.engines.rules.replies import catalog, render, step_names
from tests.engines.rules.dialogues import DIALOGUES
from tests.engines.rules.helpers import Coaching

WHERE_ARE_WE = {"zh": "到哪了", "en": "where are we"}
_NUMBERS = {word: n for n, word in enumerate("一二三四五六七八九十", 1)} | {"两": 2}
_ENGLISH = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_NUMBERS |= {word: n for n, word in enumerate(_ENGLISH, 1)}
_ORDINAL = {  # "第三步「总结提取」", "第 2/4 步「分析根因」", "Step 1, Review", "step 4/4, “Actions”"
    "zh": re.compile(r"第\s*(?P<n>[一二两三四五六七八九十\d]+)\s*(?:/\s*(?P<total>\d+)\s*)?步"),
    "en": re.compile(r"\bstep\s+(?P<n>\d+)(?:\s*/\s*(?P<total>\d+))?", re.I),
}
_COUNT = {  # "四步走", "4 步都走完了", "four steps", "All 4 steps"
    "zh": re.compile(r"(?<!第)(?<![\d/])\s*(?P<count>[一二两三四五六七八九十\d]+)\s*步(?=走|都|：|:)"),
    "en": re.compile(r"\b(?P<count>one|two|three|four|five|six|seven|eight|\d+) steps\b", re.I),
}


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


def _names(lang: Language) -> list[str]:
    return [STEPS[stage][lang] for stage in METHOD]


def step_problems(reply: str, lang: Language) -> list[str]:
    """What a reply gets wrong about the steps: a number past the fourth, a wrong total, a wrong name."""
    problems = []
    names = _names(lang)
    for match in _ORDINAL[lang].finditer(reply):
        n, total = _number(match["n"]), match["total"]
        if not 1 <= n <= METHOD_STEPS or (total is not None and int(total) != METHOD_STEPS):
            problems.append(f"names step {match[0]!r}")
            continue
        after = reply[match.end() :].lstrip(" ,，、「“")
        if not after.startswith(names[n - 1]):
            problems.append(f"{match[0]!r} is not named {names[n - 1]!r}: {after[:12]!r}")
    for match in _COUNT[lang].finditer(reply):
        if _number(match["count"]) != METHOD_STEPS:
            problems.append(f"counts {match[0]!r}")
    for line in reply.splitlines():
        if "→" in line and (parts := _outline(line)) and any(p in names for p in parts) and parts != names:
            problems.append(f"outlines the steps as {parts}")
    return problems


def _outline(line: str) -> list[str]:
    """The items of 'A → B（含 …）→ C → D' in a line, without their asides."""
    parts = [re.sub(r"[（(][^）)]*[）)]", "", p) for p in line.split("→")]
    parts[0] = re.split(r"[：:（(，,]", parts[0])[-1]
    parts[-1] = re.split(r"[。.）)，,:：]", parts[-1])[0]
    return [p.strip() for p in parts]


def _dummy(template: str, lang: Language) -> dict[str, object]:
    """A value for each placeholder the caller fills (render fills the step names); a count for one that
    picks a word's form ("{count:person|people}")."""
    fields = [(name, spec) for _, name, spec, _ in string.Formatter().parse(template) if name]
    counted = {name for name, spec in fields if spec and "|" in spec}
    return {name: 2 if name in counted else "…" for name, _ in fields if name not in step_names(lang)}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_reply_in_the_catalog_misnames_or_miscounts_the_steps(lang: Language) -> None:
    problems = {
        key: found
        for key, template in catalog()[lang].items()
        if (found := step_problems(render(key, lang, **_dummy(template, lang)), lang))
    }
    assert not problems


@pytest.mark.parametrize(
    ("reply", "lang"),
    [
        ("我们按五步走：回顾评估 → 分析根因 → 个人反思 → 总结提取 → 转化应用。", "zh"),
        ("我们按四步走：回顾评估 → 分析根因 → 总结经验 → 转化行动。", "zh"),
        ("现在在第 5/5 步「完成」。", "zh"),
        ("第三步，总结经验：", "zh"),
        ("We're at step 5/5, “Done”.", "en"),
        ("Step 4, action plan: …", "en"),
        ("We'll go in five steps: Review → Root causes → Reflection → Lessons → Actions.", "en"),
    ],
)
def test_the_check_catches_a_fifth_step_or_another_name(reply: str, lang: Language) -> None:
    assert step_problems(reply, lang)


def _status_at_every_turn(coach: Coaching, lang: Language) -> list[tuple[str, str]]:
    """(stage, the reply to "where are we") asked beside the dialogue, which goes on untouched."""
    asked = run_turn(coach.engine, dict(coach.last.state), coach.last.review, WHERE_ARE_WE[lang], coach.ctx)
    return [(coach.stage, asked.reply)]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_whole_dialogue_names_the_steps_one_way_and_where_are_we_counts_to_four(lang: Language) -> None:
    dialogue = DIALOGUES[lang]
    coach = Coaching(lang)
    replies = [coach.reply]
    statuses = _status_at_every_turn(coach, lang)
    for turn in dialogue["turns"]:
        replies.append(coach.say(turn["user"]).reply)
        statuses += _status_at_every_turn(coach, lang)
    assert coach.stage == "done"
    for stage, status in statuses:
        replies.append(status)
        if stage in METHOD_STEP:
            assert f"{METHOD_STEP[stage]}/{METHOD_STEPS}" in status, (stage, status)
    assert not {reply: found for reply in replies if (found := step_problems(reply, lang))}
    done = statuses[-1][1]
    assert f"{METHOD_STEPS}" in done and f"{METHOD_STEPS + 1}/" not in done


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_follow_up_before_the_steps_names_them_the_same_way(lang: Language) -> None:
    coach = Coaching(
        lang, open_actions=[OpenAction(id="a1", review_id="r0", review_title="Q4", what="渠道价格统一")]
    )
    assert coach.stage == "followup"
    status = coach.say(WHERE_ARE_WE[lang]).reply
    assert " → ".join(_names(lang)) in status
    assert not step_problems(coach.reply, lang) and not step_problems(coach.history[0].reply, lang)
