"""A share asked and given in one statement (zh, en): after a cause told down to its root, "裴经理问这个
占多少，鲁建的判断是七成左右是扫码卡顿造成的" / "Fiona asked how much of the no-shows that was; in Dan's
estimate about 70% …" weighs that cause, which is the main one; it is no cause of its own (the English
telling was already read so; the Chinese one was a cause of its own)."""

from __future__ import annotations

import pytest

from tests.notes.extracting import chains, words

ZH = (
    "# 复盘纪要\n\n"
    "等候时间为什么这么长，讨论了很久。严志先说，表面上看是车主加完油还要到收银台排队付款。"
    "为什么都去收银台？因为扫码支付系统升级以后，加油机上的扫码经常卡住。"
    "再往下问，说到底是这次升级没有先在一两座站试点，直接全网一起推了。"
    "裴经理问这个占多少，鲁建的判断是等候时长超出的部分里，七成左右是扫码卡顿造成的。\n"
)
EN = (
    "# Review\n\n"
    "Why so many no-shows? On the surface, people book a four-ball and two of them turn up. "
    "Why does that happen? Because on the new booking system you can hold a tee time without a card. "
    "The root cause is that nobody set the deposit rule up when we moved systems. "
    "Fiona asked how much of the no-shows that was; in Dan's estimate about 70% of the no-shows were held "
    "tee times.\n"
)


@pytest.mark.parametrize(("note", "root"), [(ZH, "试点"), (EN, "deposit rule")])
def test_a_share_asked_and_given_weighs_the_cause_just_told(note: str, root: str) -> None:
    told = chains(note)
    assert len(told) == 1 and root in words(told[0]) and told[0].is_main, [words(c) for c in told]
