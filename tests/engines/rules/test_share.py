"""Reading a cause's share of the gap, the way people say it."""

from __future__ import annotations

import pytest

from coach.engines.rules.share import CauseShare, parse_share, parse_shares


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("大概占七成", 0.7),
        ("70%", 0.7),
        ("0.7", 0.7),
        ("about 60 percent", 0.6),
        ("一半", 0.5),
        ("30", 0.3),
        ("百分之八十", 0.8),
        ("三分之二", pytest.approx(2 / 3, abs=1e-3)),
        ("half of it", 0.5),
        (".25", 0.25),
        ("8成", 0.8),
        ("sixty", 0.6),
        ("全部", 1.0),
        ("占比 45％", 0.45),
    ],
)
def test_shares(text: str, share: float) -> None:
    assert parse_share(text) == share


@pytest.mark.parametrize(
    "text",
    [
        "不好说",
        "",
        "🙂",
        "250%",
        "no idea",
        "12月下了两周雨",
        "it rained for 12 days",
        "by the 12th",
        "the greens arrive half-spoiled",  # "half-" describes, it weighs nothing
        "a half-day shutdown",
    ],
)
def test_no_share(text: str) -> None:
    assert parse_share(text) is None


@pytest.mark.parametrize(
    ("text", "shares"),
    [
        ("七成是没有陪跑，另外三成是价格", [("没有陪跑", 0.7), ("价格", 0.3)]),
        ("没有陪跑占七成，价格占三成", [("没有陪跑", 0.7), ("价格", 0.3)]),
        ("一半是培训不足，一半是系统慢", [("培训不足", 0.5), ("系统慢", 0.5)]),
        ("这个大概占七成原因，另外三成是价格", [("", 0.7), ("价格", 0.3)]),
        ("70%是陪跑另外30%是价格", [("陪跑", 0.7), ("价格", 0.3)]),
        ("60% was onboarding, the other 40% pricing", [("onboarding", 0.6), ("pricing", 0.4)]),
        ("60% onboarding and 40% pricing", [("onboarding", 0.6), ("pricing", 0.4)]),
        ("onboarding accounts for 60%, pricing for 40%", [("onboarding", 0.6), ("pricing", 0.4)]),
        ("half was training, half was the slow system", [("training", 0.5), ("the slow system", 0.5)]),
        ("八成吧", [("", 0.8)]),
        # a share said, then settled on: the words that settle it are no cause
        ("没有技能矩阵，大概七成，就按七成算", [("没有技能矩阵", 0.7), ("", 0.7)]),
        ("no skills matrix, roughly 70%, call it 70%", [("no skills matrix", 0.7), ("", 0.7)]),
        ("about 70 percent of it", [("", 0.7)]),
    ],
)
def test_every_share_is_read_with_the_cause_beside_it(text: str, shares: list[tuple[str, float]]) -> None:
    assert parse_shares(text) == [CauseShare(cause, share) for cause, share in shares]


@pytest.mark.parametrize("text", ["不好说", "3个客户流失了", "we lost 3 customers", ""])
def test_a_number_that_is_no_share_gives_no_shares(text: str) -> None:
    assert parse_shares(text) == []


# Words that name a share without a number are the language files' `share_said`; the values and the order they
# are tried in stay in share.py: a longer phrase is tried before the shorter one inside it.
@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("绝大部分", 0.85),
        ("大部分", 0.7),
        ("一半多", 0.6),
        ("四分之一", 0.25),
        ("很少", 0.1),
        ("the vast majority", 0.85),
        ("the bulk of it", 0.7),
        ("more than half", 0.6),
        ("a quarter", 0.25),
        ("a little", 0.1),
    ],
)
def test_a_share_said_in_words(text: str, share: float) -> None:
    assert parse_share(text) == share


# "mostly" / "主要是" says which cause matters most, not how much of the gap it explains: no share.
@pytest.mark.parametrize(
    "text", ["mostly the bending machine breakdown, 5 days lost", "Mostly our side.", "主要是换单频繁"]
)
def test_mostly_names_the_main_cause_but_no_share(text: str) -> None:
    assert parse_share(text) is None


# A share marked as one (`share_marker`, `share_about`) wins over a fraction said in passing.
@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("价格只有我们一半，这个占了大概四分之一", 0.25),
        ("their price is half ours, which accounts for about a third", pytest.approx(1 / 3, abs=1e-3)),
    ],
)
def test_a_marked_share_wins_over_a_fraction_in_passing(text: str, share: float) -> None:
    assert parse_share(text) == share


@pytest.mark.parametrize("clause", ["I'd put 70% of the late installs on that", "我估计八成是清单的问题"])
def test_an_estimate_said_with_its_cause_is_a_share(clause: str) -> None:
    from coach.engines.rules.share import said_as_share

    assert said_as_share(clause)


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("The other quarter is the rota software", 0.25),
        ("剩下四分之一是排班软件", 0.25),
        ("the other third is pricing", 1 / 3),
    ],
)
def test_the_other_quarter_is_a_share(text: str, share: float) -> None:
    assert parse_share(text) == pytest.approx(share)


@pytest.mark.parametrize(
    ("text", "share"),
    [("八成五", 0.85), ("大概一成半吧", 0.15), ("七成", 0.7), ("about 85 percent", 0.85), ("15%", 0.15)],
)
def test_tenths_with_a_digit_or_a_half_after_them(text: str, share: float) -> None:
    assert parse_share(text) == pytest.approx(share)


def test_two_shares_with_tenths_and_halves_keep_their_causes() -> None:
    said = parse_shares("配送当成本那条大概八成五；剩下一成半是下了场雨")
    assert [round(s.share, 2) for s in said] == [0.85, 0.15]
    assert "五" not in said[0].cause and "半" not in said[1].cause


@pytest.mark.parametrize(
    ("text", "causes"),
    [
        ("onboarding, 70%. pricing, 30%", ["onboarding", "pricing"]),
        ("没有陪跑，七成；价格，三成", ["没有陪跑", "价格"]),
        (
            "weekend staffing ~60% of the claims. rest is the insurer being slow, 40%",
            ["weekend staffing", "insurer"],
        ),
    ],
)
def test_a_share_said_after_its_cause_weighs_that_cause(text: str, causes: list[str]) -> None:
    said = parse_shares(text)
    assert len(said) == len(causes)
    assert all(cause in s.cause for cause, s in zip(causes, said, strict=True))


@pytest.mark.parametrize(
    ("text", "cause", "share"),
    [
        # what the share is of, said before it, is no cause: the cause is the clause before
        ("另外春节后有4个扫描员没回来，这个占延期的三成左右。", "春节后有4个扫描员没回来", 0.3),
        ("还有就是新人培训不够，这个占返工的两成。", "新人培训不够", 0.2),
        (
            "Four scanners never came back after the holiday, that's behind the delays, about 30%.",
            "Four scanners never came back after the holiday",
            0.3,
        ),
    ],
)
def test_what_a_share_is_of_said_before_it_leaves_the_cause_before(
    text: str, cause: str, share: float
) -> None:
    assert parse_shares(text) == [CauseShare(cause, share)]


# a share guessed or settled on ("我觉得得有七成", "Let's write two thirds") names no cause beside it
@pytest.mark.parametrize(
    "text",
    [
        "我觉得得有七成。",
        "那就记七成。",
        "Let's write two thirds.",
        "Two thirds, honestly.",
        "I think at least 70%",
    ],
)
def test_a_share_guessed_or_settled_on_names_no_cause(text: str) -> None:
    assert [said.cause for said in parse_shares(text)] == [""]


# a time of day is no share ("[14:10]", "at 9:30")
@pytest.mark.parametrize("text", ["[14:10] 廖德胜：还有就是台风", "at 9:30 the line stopped"])
def test_a_time_of_day_is_no_share(text: str) -> None:
    assert parse_share(text) is None


# a share said as about that much ("一成多", "a bit over 10%", "the last 10% or so") keeps its cause whole
@pytest.mark.parametrize(
    ("text", "shares"),
    [
        ("两成是新供应商；还有一成多是团长保管不当。", [("新供应商", 0.2), ("团长保管不当", 0.1)]),
        (
            "About 20% is the new supplier; and a bit over 10% is storage.",
            [("the new supplier", 0.2), ("storage", 0.1)],
        ),
        (
            "20% is the hotfixes. And the last 10% or so is flaky tests.",
            [("the hotfixes", 0.2), ("flaky tests", 0.1)],
        ),
    ],
)
def test_a_share_said_as_about_that_much_keeps_its_cause(text: str, shares: list[tuple[str, float]]) -> None:
    assert parse_shares(text) == [CauseShare(cause, share) for cause, share in shares]
