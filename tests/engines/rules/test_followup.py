"""A second review of a team starts by following up the first review's open actions."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.engines.base import OpenAction
from tests.engines.rules.helpers import Coaching


def _open_actions() -> list[OpenAction]:
    return [
        OpenAction(
            id="a1",
            review_id="r0",
            review_title="Q4 复盘",
            review_date=dt.date(2026, 1, 10),
            what="建立回款周报",
            how="每周一发账龄表",
            who="李娜",
            due=dt.date(2026, 2, 28),
        ),
        OpenAction(
            id="a2",
            review_id="r0",
            review_title="Q4 复盘",
            what="新人带教",
            who="老王",
            due=dt.date(2026, 3, 15),
        ),
        OpenAction(id="a3", review_id="r0", review_title="Q4 复盘", what="渠道价格统一", who="王磊"),
    ]


def test_opening_quotes_the_first_open_action_with_owner_and_due_date() -> None:
    coach = Coaching(open_actions=_open_actions())
    assert coach.stage == "followup"
    assert "「建立回款周报」" in coach.reply and "李娜" in coach.reply and "2026-02-28" in coach.reply
    assert "3" in coach.reply


def test_done_not_done_and_why_are_recorded_then_review_starts() -> None:
    coach = Coaching(open_actions=_open_actions())
    first = coach.say("完成了")
    assert [u.model_dump() for u in first.action_updates] == [
        {"action_id": "a1", "status": "done", "note": None}
    ]
    assert "新人带教" in first.reply

    asked_why = coach.say("没完成")
    assert asked_why.action_updates == [] and "为什么" in asked_why.reply
    why = coach.say("老王三月一直在出差")
    assert why.action_updates[0].status == "not_done"
    assert why.action_updates[0].note == "老王三月一直在出差"

    last = coach.say("没做，因为价格政策还没定")
    assert last.action_updates[0].model_dump() == {
        "action_id": "a3",
        "status": "not_done",
        "note": "价格政策还没定",
    }
    assert last.stage == "review"
    assert "KPI" in last.reply


def test_in_progress_stays_open_and_skip_moves_on() -> None:
    coach = Coaching(open_actions=_open_actions())
    assert coach.say("进行中，做了一半").action_updates[0].status == "open"
    skipped = coach.say("跳过")
    assert skipped.action_updates == [] and "渠道价格统一" in skipped.reply


def test_english_followup() -> None:
    coach = Coaching(language="en", open_actions=_open_actions()[:1])
    assert "is it done?" in coach.reply
    coach.say("not yet")
    result = coach.say("we lost the analyst who owned it")
    assert result.action_updates[0].status == "not_done"
    assert result.stage == "review"


def test_unclear_answer_asks_again_without_recording() -> None:
    coach = Coaching(open_actions=_open_actions())
    result = coach.say("嗯…这个怎么说呢")
    assert result.stage == "followup" and result.action_updates == []
    assert "建立回款周报" in result.reply


@pytest.mark.parametrize(("language", "text"), [("zh", "都完成了"), ("en", "all done")])
def test_all_done_settles_every_open_action_in_one_message(language: str, text: str) -> None:
    coach = Coaching(language=language, open_actions=_open_actions())  # type: ignore[arg-type]
    result = coach.say(text)
    assert [(u.action_id, u.status) for u in result.action_updates] == [
        ("a1", "done"),
        ("a2", "done"),
        ("a3", "done"),
    ]
    assert result.stage == "review"


@pytest.mark.parametrize(
    ("language", "text"), [("zh", "都跳过"), ("en", "skip all"), ("zh", "稍后再说"), ("en", "later")]
)
def test_skip_all_or_later_moves_on_and_keeps_the_actions_open(language: str, text: str) -> None:
    coach = Coaching(language=language, open_actions=_open_actions())  # type: ignore[arg-type]
    result = coach.say(text)
    assert result.action_updates == [] and result.stage == "review"


def test_all_done_after_one_answer_settles_only_the_rest() -> None:
    coach = Coaching(open_actions=_open_actions())
    coach.say("没完成，因为数据没拿到")
    result = coach.say("剩下的都完成了")
    assert [(u.action_id, u.status) for u in result.action_updates] == [("a2", "done"), ("a3", "done")]
