"""An action's kind (机会点/策略调整/改进点/重点事项) comes from cue words kept per language as data."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest

from coach.domain.reading.action_kind import action_kind, cued_kind
from coach.domain.reading.vocabulary import languages, words
from coach.domain.retrospective import ActionKind, LessonAction


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("在华南试点新渠道", ActionKind.opportunity),
        ("抓住老客户增购的机会", ActionKind.opportunity),
        ("Pilot the self-serve tier with five customers", ActionKind.opportunity),
        ("Explore an upsell bundle for enterprise accounts", ActionKind.opportunity),
        ("出菜单调价方案，重新定价", ActionKind.strategy),
        ("小红书预算加到每月20万", ActionKind.strategy),
        ("Ship a pricing A/B test", ActionKind.strategy),
        ("Write the capacity plan for Q3", ActionKind.strategy),
        ("合同模板加验收时限条款", ActionKind.improvement),
        ("整改台账，每项写明复查人", ActionKind.improvement),
        ("Fix the flaky deploy check", ActionKind.improvement),
        ("Streamline the on-call handover process", ActionKind.improvement),
        ("聚焦三个重点客户", ActionKind.focus),
        ("Prioritize the top three accounts", ActionKind.focus),
    ],
)
def test_cue_words_name_the_kind(text: str, kind: ActionKind) -> None:
    assert cued_kind(text) == kind


@pytest.mark.parametrize("text", ["每周一对齐渠道数据", "Send the weekly numbers to finance"])
def test_no_cue_no_kind(text: str) -> None:
    assert cued_kind(text) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("优化试点门店的排班", ActionKind.opportunity),  # the pilot is what the action is for
        ("重点推进新市场拓展", ActionKind.opportunity),
        ("Improve the pricing page", ActionKind.strategy),
        ("Focus on fixing the alert rules", ActionKind.improvement),
    ],
)
def test_opportunity_and_strategy_win_over_improvement_and_focus(text: str, kind: ActionKind) -> None:
    assert cued_kind(text) == kind


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Plan the migration", True),
        ("Planning the migration", False),  # "plan" is a whole word
        ("Improvement of the runbook", True),  # "improv" is the start of a word…
        ("Update the prefix of the bucket names", False),  # …not a piece inside one
    ],
)
def test_english_cues_start_a_word(text: str, found: bool) -> None:
    assert (cued_kind(text) is not None) is found


@pytest.mark.parametrize("text", ["每周一对齐渠道数据", "Send the weekly numbers to finance"])
def test_without_a_cue_the_lesson_decides(text: str) -> None:
    assert action_kind(text, LessonAction.optimize) == ActionKind.improvement
    assert action_kind(text, LessonAction.stop) == ActionKind.improvement
    assert action_kind(text, LessonAction.continue_) == ActionKind.focus
    assert action_kind(text) == ActionKind.focus


def test_a_cue_beats_the_lesson() -> None:
    assert action_kind("试点新渠道", LessonAction.stop) == ActionKind.opportunity
    assert action_kind("Explore a new channel", LessonAction.optimize) == ActionKind.opportunity


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_language_cues_every_kind(language: str) -> None:
    assert language in languages()
    cues = words(language)["action_kind"]
    assert set(cues) == {kind.value for kind in ActionKind}
    assert all(isinstance(c, str) and c.strip() for listed in cues.values() for c in listed)


def test_the_word_files_ship_with_the_package() -> None:
    root = Path(__file__).resolve().parents[3]
    package_data = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    globs = package_data["package-data"]["coach"]
    files = sorted((root / "coach" / "domain" / "reading" / "words").iterdir())
    assert files
    for path in files:
        relative = path.relative_to(root / "coach").as_posix()
        assert any(fnmatch(relative, g) for g in globs), f"{relative} is not in package-data"
