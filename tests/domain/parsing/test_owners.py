"""Owners: the bare name of whoever is named to own an action, or None."""

from __future__ import annotations

import pytest

from coach.domain.parsing import find_owner

OWNERS: list[tuple[str, str]] = [
    # @mentions
    ("@李娜", "李娜"),
    ("@李娜 跟进一下", "李娜"),
    ("@李娜负责", "李娜"),
    ("@王总 看一下", "王总"),
    ("@bob.smith please check", "bob.smith"),
    ("@Alice will draft it", "Alice"),
    # labels
    ("负责人：老王", "老王"),
    ("负责人: 老王", "老王"),
    ("负责人是李娜", "李娜"),
    ("(负责人 陈晨)", "陈晨"),
    ("（负责人：陈晨）", "陈晨"),
    ("负责人：李娜、王磊", "李娜"),
    ("责任人：运营部", "运营部"),
    ("owner: Bob", "Bob"),
    ("Owner - Alice Chen", "Alice Chen"),
    ("DRI: Carol", "Carol"),
    ("owner: bob", "bob"),
    # the name before a verb
    ("王磊负责", "王磊"),
    ("这件事王磊负责", "王磊"),
    ("李娜来跟进", "李娜"),
    ("张晓明牵头推进", "张晓明"),
    ("欧阳娜娜负责", "欧阳娜娜"),
    ("王总负责", "王总"),
    ("王经理来牵头", "王经理"),
    ("老王盯一下", "老王"),
    ("李娜是负责人", "李娜"),
    ("王磊和李娜负责", "王磊"),
    ("运营团队跟进", "运营团队"),
    ("Bob负责灰度发布", "Bob"),
    # the name after a preposition
    ("由张三牵头", "张三"),
    ("交给小刘", "小刘"),
    ("由产品部负责", "产品部"),
    ("交给运营部处理", "运营部"),
    ("请李娜明天提交方案", "李娜"),
    ("assigned to Bob", "Bob"),
    ("led by Carol", "Carol"),
    ("owned by Alice Chen", "Alice Chen"),
    # English subjects
    ("Bob will fix the alert", "Bob"),
    ("Then Alice will ping the vendor", "Alice"),
    ("Alice Chen owns the rollout", "Alice Chen"),
    ("Bob to follow up with legal", "Bob"),
    ("QA will verify the fix", "QA"),
]


@pytest.mark.parametrize(("text", "owner"), OWNERS)
def test_find_owner(text: str, owner: str) -> None:
    assert find_owner(text) == owner


NO_OWNER = [
    "",
    "下周五上线",
    "提升转化率",
    "大家负责",
    "我负责",
    "我来负责",
    "我们负责",
    "我们团队负责",
    "团队负责",
    "小组负责",
    "需要有人负责",
    "由于时间紧张我们负责",
    "负责人：待定",
    "owner: TBD",
    "assigned to me",
    "We will fix it",
    "everyone will help",
    "The team will review",
    "Deployment will be done Friday",
    "Need to fix the alert",
    "responsible for the rollout",
    "the owner of the service",
    "iOS will ship next week",
    "owner: 123",
]


@pytest.mark.parametrize("text", NO_OWNER)
def test_no_owner(text: str) -> None:
    assert find_owner(text) is None
