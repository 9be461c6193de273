"""A drill-down told across speakers: the chair asks why of the answer just given, another person answers,
and the share asked for next ("这个占多少？" — "我觉得七成。") weighs that chain, not a cause of its own."""

from __future__ import annotations

import pytest

from tests.notes.extracting import extract, words

ZH = (
    "[00:01:00] 卓岚：不好的呢？\n"
    "[00:01:10] 阮小溪：赔付高。\n"
    "[00:01:20] 卓岚：赔付为什么这么高？\n"
    "[00:01:30] 汤敏：主要是裙摆撕裂和污渍洗不掉，客户还回来的时候才发现。\n"
    "[00:01:40] 卓岚：那为什么说不清是谁弄的？\n"
    "[00:01:50] 阮小溪：因为租出去的时候没有拍照留底，只能我们认赔。\n"
    "[00:02:00] 卓岚：为什么出件不拍照？\n"
    "[00:02:10] 汤敏：说到底是出件流程里根本没有交接验衣这一步，谁有空谁打包。\n"
    "[00:02:20] 卓岚：这个占赔付多少？\n"
    "[00:02:30] 阮小溪：我觉得七成。\n"
)
EN = (
    "[00:01:00] Maya: And what didn't go well?\n"
    "[00:01:10] Dev: Damage claims were high.\n"
    "[00:01:20] Maya: Why were the claims so high?\n"
    "[00:01:30] Sam: Mostly torn hems and stains that would not wash out, found only on return.\n"
    "[00:01:40] Maya: And why could nobody tell who did it?\n"
    "[00:01:50] Rosa: Because we take no photos when a dress goes out, so we pay every claim.\n"
    "[00:02:00] Maya: Why are there no photos?\n"
    "[00:02:10] Sam: At bottom, the dispatch process has no hand-over check at all, whoever is free packs.\n"
    "[00:02:20] Maya: How much of the claims is that?\n"
    "[00:02:30] Rosa: About two thirds.\n"
)


@pytest.mark.parametrize(
    ("note", "first", "deepest"),
    [(ZH, "裙摆撕裂", "交接验衣"), (EN, "torn hems", "hand-over check")],
)
def test_whys_asked_of_the_answer_just_given_build_one_main_chain(
    note: str, first: str, deepest: str
) -> None:
    doc = extract(note, name="note.txt")
    told = [c for c in doc.cause_chains if first in words(c)]
    assert len(told) == 1
    assert deepest in words(told[0])
    assert told[0].is_main
    assert len(doc.cause_chains) == 1


@pytest.mark.parametrize(
    ("note", "second"),
    [
        (
            "[00:01:00] 卓岚：不好的呢？\n"
            "[00:01:10] 阮小溪：赔付高，取件不准时。\n"
            "[00:01:20] 卓岚：赔付为什么这么高？\n"
            "[00:01:30] 汤敏：主要是出件流程里没有交接验衣这一步。\n"
            "[00:01:40] 卓岚：那取件为什么不准时？\n"
            "[00:01:50] 阮小溪：干洗周期太长，旺季要五天，礼服回不来。\n",
            "干洗周期",
        ),
        (
            "[00:01:00] Maya: And what didn't go well?\n"
            "[00:01:10] Dev: Damage claims were high, and pick-ups were late.\n"
            "[00:01:20] Maya: Why were the claims so high?\n"
            "[00:01:30] Sam: Mostly because the dispatch process has no hand-over check.\n"
            "[00:01:40] Maya: And why were pick-ups late?\n"
            "[00:01:50] Rosa: The dry cleaner takes five days in peak season.\n",
            "dry cleaner",
        ),
    ],
)
def test_a_why_that_names_another_finding_starts_a_chain_of_its_own(note: str, second: str) -> None:
    chains = extract(note, name="note.txt").cause_chains
    assert len(chains) == 2
    assert second in words(chains[1])
