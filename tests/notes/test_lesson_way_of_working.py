"""A lesson on how work is checked, signed off or handed over is about the organization's way of working."""

from __future__ import annotations

import pytest

from coach.domain.retrospective import Dimension
from coach.notes.lessons import build_lesson
from coach.notes.segment import Item


def _dimension(text: str) -> Dimension:
    return build_lesson(Item(text=text, evidence=text)).dimension


@pytest.mark.parametrize(
    "text",
    [
        "节前请厂家检修设备继续",
        "交接时当面点清货品，继续坚持",
        "Stop adding sessions without a plant check",
        "We will stop leaving the transmitter site without a sign-off after any maintenance visit",
        "Stop shortening inductions when we're busy",
    ],
)
def test_checks_sign_offs_and_handovers_are_the_organization(text: str) -> None:
    assert _dimension(text) is Dimension.organization


@pytest.mark.parametrize("text", ["会员日特价引流要继续", "Keep the weekend brunch menu"])
def test_a_lesson_about_the_offer_itself_stays_business(text: str) -> None:
    assert _dimension(text) is Dimension.business


@pytest.mark.parametrize(
    "text",
    [
        "雇工方式要优化，和周边村签长期用工协议",
        "苗圃和造林队各干各的、不对接的做法要停止",
        "Keep the every-shift thermal camera round",
        "Start changing blades on a tonnage interval",
        "Stop running blades to failure",
        "Keep the weekend on-call rota",
    ],
)
def test_rounds_rotas_intervals_and_ways_of_hiring_are_the_organization(text: str) -> None:
    assert _dimension(text) is Dimension.organization


@pytest.mark.parametrize(
    "text",
    [
        "每周手工排补货计划的做法要停止",
        "维修外包合同要优化，写进时限和罚则",
        "We will stop letting contractors run scripts directly on production systems",
        "The vendor relationship needs improving so that out-of-hours support is available",
    ],
)
def test_a_practice_and_the_work_given_to_outside_firms_are_the_organization(text: str) -> None:
    assert _dimension(text) is Dimension.organization


@pytest.mark.parametrize(
    ("note", "dimension"),
    [
        (
            "[00:05:24] Maya: Lessons then. Keep the flash days, that's business.\n"
            "[00:05:51] Sam: And start taking a deposit on every booking, however small. Business.\n",
            Dimension.business,
        ),
        (
            "[00:05:24] 卓岚：好，说经验。上门试纱要继续，业务上的。\n"
            "[00:05:51] 阮小溪：新增出件交接验衣。组织层面。\n",
            Dimension.organization,
        ),
    ],
)
def test_a_dimension_said_alone_after_a_lesson_types_it(note: str, dimension: Dimension) -> None:
    from tests.notes.extracting import extract

    lessons = extract(note, name="note.txt").lessons
    assert len(lessons) == 2
    assert lessons[1].dimension is dimension
