"""An action written "<the work>: <who>, <when>" (zh, en): the name after the colon owns the work when only
its deadline follows; "owner to be decided" names no one."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.notes.extracting import extract


@pytest.mark.parametrize(
    ("note", "what", "who", "when"),
    [
        (
            "# Outage review\n\n## Actions\n\n"
            "Emergency contact card fixed to the studio desk: Nia Roberts, by 31 May.\n"
            "Listener text line: owner to be decided, no date yet.\n",
            "contact card",
            "Nia Roberts",
            dt.date(2026, 5, 31),
        ),
        (
            "# 停机复盘\n\n## 行动\n\n维护后的检查清单和签字流程：龚磊，5月31日前。\n"
            "听众短信热线：负责人待定，时间未定。\n",
            "检查清单",
            "龚磊",
            dt.date(2026, 5, 31),
        ),
    ],
)
def test_the_name_after_the_colon_owns_the_work_before_it(
    note: str, what: str, who: str, when: dt.date
) -> None:
    actions = extract(note).actions
    owned = [a for a in actions if what in a.what]
    assert len(owned) == 1 and owned[0].who == who and owned[0].when == when
    assert [a.who for a in actions if a is not owned[0]] == [None]


@pytest.mark.parametrize(
    "note",
    [
        "# 大棚复盘\n\n## 行动\n\n防虫网换新，谁去还没定，先挂着，7月底前要换好。\n",
        "# 大棚复盘\n\n## 行动\n\n防虫网换新，先挂着，7月底前要换好。\n",
        "# Greenhouse review\n\n## Actions\n\n"
        "Replace the insect nets — Ravi or Tom, nobody assigned yet, by end of July.\n",
    ],
)
def test_a_task_said_to_have_no_owner_yet_or_put_on_hold_names_no_one(note: str) -> None:
    # "谁去还没定" / "nobody assigned yet" say no one owns it (names said before it only weigh who might);
    # "先挂着" (on hold) is how it stands, no name
    actions = extract(note).actions
    assert len(actions) == 1 and actions[0].who is None and actions[0].when == dt.date(2026, 7, 31)
