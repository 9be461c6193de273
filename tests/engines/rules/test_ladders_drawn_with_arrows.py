"""The method's ladder drawn with arrows, each a level down, no rung word in it ("FRT: tickets wait in the
general queue -> nobody triages before 10am -> the rota was dropped. ~70%", "次日达：晚上分拣跟不上 → 夜班
人少 → 排班按去年单量定的，七成"): the finding before the colon is the phenomenon, the rungs between are the
surface causes, the last is the root with its share, filed whatever step asked; one arrow ("420 → 386") is
no ladder. A dictated lesson list may open with a dash ("lessons - …", "经验——…"); zh and en."""

from __future__ import annotations

import pytest

from coach.domain.reading.arrow_ladder import arrow_ladder
from tests.engines.rules.helpers import Coaching

GOALS = {
    "zh": ("次日达率目标95%，实际88%；投诉目标不超过20单，实际31单", "没有了", "次日达率最重要"),
    "en": ("FRT target 2h, actual 3.5h. Backlog under 200, ended at 340.", "that's all", "FRT matters most"),
}
LADDER = {
    "zh": (
        "次日达率：晚上分拣跟不上 → 夜班人少 → 排班按去年单量定的，七成",
        "次日达率",
        ["晚上分拣跟不上", "夜班人少"],
        "排班按去年单量定的",
    ),
    "en": (
        "FRT: tickets wait in the general queue -> nobody triages before 10am -> the triage rota was "
        "dropped in July when Sam left. ~70%",
        "FRT",
        ["tickets wait in the general queue", "nobody triages before 10am"],
        "the triage rota was dropped in July when Sam left",
    ),
}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_ladder_drawn_with_arrows_while_highlights_are_asked_is_a_chain(language: str) -> None:
    coach = Coaching(language)
    coach.script(*GOALS[language])
    assert coach.step == "highlights"
    text, phenomenon, surface, root = LADDER[language]
    coach.say(text)
    assert coach.last.review.highlights == []
    [chain] = coach.last.review.cause_chains
    assert chain.phenomenon == phenomenon
    assert chain.surface_cause == " → ".join(surface)
    assert (chain.root_cause, chain.share, chain.is_main) == (root, 0.7, True)


@pytest.mark.parametrize("text", ["jobs completed 420 → 386", "late -> slow", "3月 → 4月 → 5月"])
def test_one_arrow_or_arrows_between_figures_draw_no_ladder(text: str) -> None:
    assert arrow_ladder(text) is None


@pytest.mark.parametrize(
    ("language", "text", "first"),
    [
        ("zh", "经验——排班表每月按单量更新（组织·新增）；别再让排班断档（人·停止）", "排班表每月按单量更新"),
        (
            "en",
            "lessons - bring back the triage rota (org, start); stop letting rotas lapse",
            "bring back the triage rota",
        ),
    ],
)
def test_a_lesson_list_may_open_with_a_dash(language: str, text: str, first: str) -> None:
    coach = Coaching(language)
    coach.script(*GOALS[language])
    coach.say(text)
    assert coach.last.review.lessons[0].text == first
