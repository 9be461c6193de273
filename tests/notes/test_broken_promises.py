"""A promise told in one sentence and broken in the next names what was not done: a shortfall."""

from __future__ import annotations

import pytest

from tests.notes.extracting import extract, texts


@pytest.mark.parametrize(
    ("note", "finding"),
    [
        (
            "Postmortem\n\nWe also said in March that we would fit a fill-height camera after the filler. "
            "We did not do it, and it would have caught the short fills in minutes.\n",
            "fill-height camera",
        ),
        (
            "Postmortem\n\nWe promised patients in the June newsletter that the app would show the approval "
            "status of each request. We did not deliver that, and it would have saved many calls.\n",
            "approval status",
        ),
        (
            "复盘纪要\n\n当时说好三月要在灌装机后面装液位相机。结果没做，不然短灌几分钟就能发现。\n",
            "液位相机",
        ),
    ],
)
def test_a_promise_the_next_sentence_says_was_not_kept_is_a_shortfall(note: str, finding: str) -> None:
    assert finding in texts(extract(note, name="note.txt").shortfalls)


@pytest.mark.parametrize(
    "note",
    [
        # kept: nothing says otherwise
        "Postmortem\n\nWe promised in March that we would fit a fill-height camera. It went in on 2 May.\n",
        "复盘纪要\n\n当时说好三月要装液位相机。五月二号装上了。\n",
        # said in another paragraph: the denial is about something else
        "Postmortem\n\nWe promised in March that we would fit a fill-height camera.\n\n"
        "We did not do it for the canning line.\n",
    ],
)
def test_a_promise_not_said_to_be_broken_right_after_is_no_shortfall(note: str) -> None:
    assert "camera" not in texts(extract(note, name="note.txt").shortfalls)
    assert "相机" not in texts(extract(note, name="note.txt").shortfalls)


@pytest.mark.parametrize(
    ("note", "promise"),
    [
        (
            "Review\n\nWe also broke a promise. Our status page said we would post an update every "
            "15 minutes during any incident; between 10:15 and 11:20 there were none.\n",
            "every 15 minutes",
        ),
        (
            "复盘\n\n有一个承诺没兑现。年初说好礼服清洗回来要做质检登记，到现在一直没做起来。\n",
            "质检登记",
        ),
    ],
)
def test_the_promise_told_after_the_words_that_say_it_was_broken_is_a_shortfall(
    note: str, promise: str
) -> None:
    shortfalls = extract(note, name="note.txt").shortfalls
    assert len(shortfalls) == 1
    assert promise in shortfalls[0].text
