"""Findings said the way people list them: "it worked because …" after an item, "Negatives:"; zh and en."""

from __future__ import annotations

import pytest

from coach.engines.rules.text import split_findings
from tests.engines.rules.helpers import TO_ANALYSIS_ZH, Coaching

TO_ANALYSIS_EN = (
    "Revenue target 1.2M, actual 960k; new clients target 50, actual 62",
    "that's all",
    "Revenue",
)


@pytest.mark.parametrize(
    ("language", "opening", "text", "cause"),
    [
        (
            "zh",
            TO_ANALYSIS_ZH,
            "亮点：\n- 新客户数超额完成；这是因为三月起老客户转介绍有奖励\n- 周会复盘坚持下来了",
            "三月起老客户转介绍有奖励",
        ),
        (
            "en",
            TO_ANALYSIS_EN,
            "Highlights:\n- new clients beat the target; it worked because referrals paid a bonus from March"
            "\n"
            "- the weekly pipeline review stuck",
            "referrals paid a bonus from March",
        ),
    ],
)
def test_why_it_worked_after_an_item_is_that_items_cause(
    language: str, opening: tuple[str, ...], text: str, cause: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    result = coach.say(text)
    highlights = result.review.highlights
    assert len(highlights) == 2
    assert highlights[0].causes == [cause]
    assert not any(h.text.lower().startswith(("it", "这")) for h in highlights)


@pytest.mark.parametrize(
    ("language", "opening", "text"),
    [
        (
            "zh",
            TO_ANALYSIS_ZH,
            "好的方面：新客户超额，老客户转介绍起了作用。不好的方面：大客户回款拖了两个月。",
        ),
        (
            "en",
            TO_ANALYSIS_EN,
            "Positives: new clients beat the target. Negatives: big clients paid two months late.",
        ),
    ],
)
def test_positives_and_negatives_go_to_highlights_and_shortfalls(
    language: str, opening: tuple[str, ...], text: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    result = coach.say(text)
    assert len(result.review.highlights) == 1 and len(result.review.shortfalls) == 1
    assert "客户" in result.review.shortfalls[0].text or "clients" in result.review.shortfalls[0].text


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            "the chart review at Leeds. Nurse Marsh went through clinic lists two weeks ahead. "
            "It worked because she had protected time.",
            2,  # the finding with what it did, then why it worked (filed as its cause)
        ),
        ("berth reliability held. Reefers were fine too, the night shift has a reefer team.", 2),
        ("gate queues every afternoon. Plus two sessions cancelled when the bus broke down.", 2),
        ("回款慢，大客户压款；二号仓没上线", 2),
        ("返工多，空调二次上门特别多。一查，大部分是漏水。师傅说装的时候赶时间。另外客服电话老打不进去。", 2),
        ("做得好的是完工率。网点改成按工单密度划分了。这件事值得保留。", 1),
    ],
)
def test_a_sentence_that_goes_on_about_a_finding_stays_with_it(text: str, items: int) -> None:
    assert len(split_findings(text)) == items


@pytest.mark.parametrize(
    ("language", "opening", "text", "finding", "kept"),
    [
        (
            "zh",
            TO_ANALYSIS_ZH,
            "做得好的是新客户数。三月起我们给老客户转介绍发奖励。这件事值得保留。",
            "新客户数",
            "值得保留",
        ),
        (
            "en",
            TO_ANALYSIS_EN,
            "What went well: new clients. We paid referral bonuses from March. Worth keeping.",
            "new clients",
            "Worth keeping",
        ),
    ],
)
def test_sentences_that_go_on_about_a_highlight_are_no_highlights_of_their_own(
    language: str, opening: tuple[str, ...], text: str, finding: str, kept: str
) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(*opening)
    highlights = coach.say(text).review.highlights
    assert len(highlights) == 1 and highlights[0].text.startswith(finding)
    assert kept in " ".join([highlights[0].text, *highlights[0].causes])
