"""A success told on: its details, its reason (from the same speaker or another) and the praise someone
reported belong to the highlight told first; a success opened as another one stays one of its own."""

from __future__ import annotations

import pytest

from tests.notes.extracting import extract, texts

TRANSCRIPT_EN = """WEBVTT

1
00:00:01.000 --> 00:00:05.000
<v Maya>What went well?

2
00:00:06.000 --> 00:00:12.000
<v Rosa>The flash day on the 12th was the best day we've had. Forty-eight small pieces in one day.

3
00:00:13.000 --> 00:00:20.000
<v Rosa>And honestly it worked because Jun drew every design the week before.

4
00:00:21.000 --> 00:00:25.000
<v Jun>I just liked drawing them.

5
00:00:26.000 --> 00:00:33.000
<v Dev>The other good thing was the guest residency. Two weeks, fully booked before he landed.
"""

TRANSCRIPT_ZH = """卓岚：先说好的吧。
汤敏：上门试纱这个月终于跑顺了。出租单能超，一大半是上门试纱带来的。
汤敏：能跑顺是因为阮小溪把每个新人的身材数据提前问清楚，带过去的纱基本一次就合身。
阮小溪：还有中秋那周，改衣的冉师傅连夜给新娘收了腰，第二天一早送到酒店。
卓岚：不好的呢？
"""


@pytest.mark.parametrize(
    ("note", "name", "firsts", "details"),
    [
        (
            TRANSCRIPT_EN,
            "note.vtt",
            ["flash day", "guest residency"],
            ["Forty-eight", "Jun drew", "fully booked"],
        ),
        (TRANSCRIPT_ZH, "note.txt", ["上门试纱这个月", "连夜"], ["出租单能超", "能跑顺是因为"]),
    ],
)
def test_in_talk_the_details_and_the_reason_go_on_with_the_success_told_first(
    note: str, name: str, firsts: list[str], details: list[str]
) -> None:
    highlights = extract(note, name=name).highlights
    assert len(highlights) == 2
    for first, highlight in zip(firsts, highlights, strict=True):
        assert first in highlight.text
    told = texts(highlights)
    assert all(detail in told for detail in details)


@pytest.mark.parametrize(
    "note",
    [
        "# Review\n\n## What went well\n\nOur account managers phoned each of the 38 affected merchants "
        "the same day. Several told us it was the phone call that made the difference.\n",
        "# 复盘\n\n## 做得好的\n\n续当率达标，要归功于尤佳四月份开始做的到期前电话提醒。"
        "章老师也说，电话提醒这个做法在同行里不多见。\n",
    ],
)
def test_praise_someone_reported_is_no_highlight_of_its_own(note: str) -> None:
    assert len(extract(note).highlights) == 1


@pytest.mark.parametrize(
    "note",
    [
        "# Review\n\n## What went well\n\nThe biggest win was the rating. Since July Lena has sent every "
        "customer three photos of their car at each stage of the repair.\n",
        "# 复盘\n\n## 做得好的\n\n最大的亮点是评分。"
        "七月起丽娜给每位客户在维修的每个阶段发三张车辆照片，客户不用再打电话催。\n",
    ],
)
def test_a_success_named_in_a_few_words_is_told_by_the_sentence_after_it(note: str) -> None:
    highlights = extract(note).highlights
    assert len(highlights) == 1
    assert "photos" in highlights[0].text or "照片" in highlights[0].text


@pytest.mark.parametrize(
    ("note", "count"),
    [
        # written prose: each sentence names a success of its own
        (
            "# Review\n\n## What went well\n\nAutomated alerting detected the elevated error rate quickly. "
            "The incident response team had clear roles from the first page. Customer communication was "
            "timely.\n",
            3,
        ),
        # one speaker: each success named with its own reason
        (
            "沈悦：说说好的。\n沈悦：产量超了是因为新的速冻机调试完了，单线产能上来了。"
            "蒸汽省了，是设备科把冷凝水回收接回了锅炉。\n",
            2,
        ),
        (
            "Megan: What went well?\nMegan: The cafe did well because of the new hot food menu. "
            "Waste came in under budget because the team started checking lots on delivery.\n",
            2,
        ),
    ],
)
def test_successes_told_one_after_another_stay_apart(note: str, count: int) -> None:
    assert len(extract(note, name="note.txt").highlights) == count


@pytest.mark.parametrize(
    ("note", "credit"),
    [
        (
            "# Review\n\nAttendees: Hugh Barrett, Marek Nowak\n\n## What went well\n\n"
            "We got the second spray booth commissioned two weeks early. Marek ran the electrical works "
            "on two Saturdays alongside the installer, so we lost no weekday booth time.\n",
            "electrical works",
        ),
        (
            "# 复盘\n\n参会：祁明月、宫振\n\n## 做得好的\n\n热饮机的冬季上新提前完成了。"
            "祁明月在九月底就把每个点位的温度和销量对了一遍，提前两周把热饮排进了写字楼的机器。\n",
            "温度和销量",
        ),
    ],
)
def test_in_prose_what_one_of_the_people_did_for_a_success_is_told_with_it(note: str, credit: str) -> None:
    highlights = extract(note).highlights
    assert len(highlights) == 1
    assert credit in highlights[0].text


@pytest.mark.parametrize(
    "note",
    [
        "[00:01:00] Maya: What went well?\n[00:01:10] Rosa: The flash day was the best day we've had.\n"
        "[00:01:20] Dev: Hiring was solid.\n",
        "[00:01:00] 卓岚：先说好的吧。\n[00:01:10] 汤敏：上门试纱这个月终于跑顺了。\n"
        "[00:01:20] 阮小溪：招聘挺顺的。\n",
    ],
)
def test_a_short_success_from_another_speaker_stays_one_of_its_own(note: str) -> None:
    assert len(extract(note, name="note.txt").highlights) == 2


@pytest.mark.parametrize(
    "note",
    [
        "[00:01:00] Maya: What went well?\n"
        "[00:01:10] Rosa: The flash day was the best day we've had. The new booking page was a hit.\n",
        "[00:01:00] 卓岚：先说好的吧。\n[00:01:10] 汤敏：上门试纱这个月终于跑顺了。会员社群效果很好。\n",
    ],
)
def test_a_success_praised_in_its_own_words_in_the_same_turn_stays_one_of_its_own(note: str) -> None:
    assert len(extract(note, name="note.txt").highlights) == 2
