"""A success told as a story: the paragraph names it first ("the standout was …", a few words), then tells
its details, someone's quoted words on it, and its reason told later ("The reason only came out later: …");
all of it is that one highlight."""

from __future__ import annotations

import pytest

from tests.notes.extracting import extract, texts

PROSE_EN = """# Spring fair review

## What went well

{family}

The car-park shuttle ran on time. {shuttle}

Volunteer cover held up on both days. {cover}

## What went wrong

The raffle float went missing on Sunday.
""".format(
    family="Ticket sales beat last year, and the standout was the family pass. We sold 640 of them in three "
    "weeks, most to parents from the two new estates. The reason it took off only came out later in the "
    "meeting: Aisha had put the pass on the school newsletter in February.",
    shuttle="Buses left every ten minutes from the leisure centre and nobody waited more than a quarter "
    "of an hour.",
    cover='Tom was frank about it at the review: "we had enough people, but only because two families '
    'stayed late."',
)

PROSE_ZH = """# 春季市集复盘

## 做得好的

摊位收入超额完成，最亮眼的是亲子手作区。两天一共接待了九百多组家庭，好几个摊主当场就报了秋季那一场。说到为什么手作区这么受欢迎，是后面聊场地时小周才讲的：她把手作区挪到了树荫下，又加了二十张矮桌，家长可以坐下来陪孩子。

第二件是停车引导。志愿者提前一小时到位，入口没有堵过车。

## 存在的问题

抽奖箱周日丢了。
"""


@pytest.mark.parametrize(
    ("note", "firsts", "details"),
    [
        (
            PROSE_EN,
            ["family pass", "shuttle", "Volunteer cover"],
            ["640 of them", "Aisha had put", "Buses left", "Tom was frank"],
        ),
        (PROSE_ZH, ["亲子手作区", "停车引导"], ["九百多组", "小周才讲的", "志愿者提前"]),
    ],
)
def test_a_success_told_as_a_story_is_one_highlight(note: str, firsts: list[str], details: list[str]) -> None:
    highlights = extract(note).highlights
    assert len(highlights) == len(firsts), texts(highlights)
    for first, highlight in zip(firsts, highlights, strict=True):
        assert first in highlight.text
    told = texts(highlights)
    assert all(detail in told for detail in details)


@pytest.mark.parametrize(
    "note",
    [
        "# Fair review\n\n## What went well\n\n"
        "The standout was the family pass. The shuttle buses were praised by everyone too.\n",
        "# 市集复盘\n\n## 做得好的\n\n最亮眼的是亲子手作区。另外停车引导做得很好，入口没有堵过车。\n",
    ],
)
def test_a_success_opened_as_another_after_a_standout_stays_its_own(note: str) -> None:
    assert len(extract(note).highlights) == 2
