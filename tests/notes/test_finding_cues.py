"""What makes a statement with no heading and no announced topic a finding (zh, en): a verdict word for what
went wrong, plain praise for what went well. A word for trouble or praise alone is no finding: background,
cause and timeline sentences of prose notes, 纪要 and transcripts are full of them."""

from __future__ import annotations

import pytest

from coach.notes.finding_cues import is_bare_share, praises_plainly, tells_a_miss
from tests.notes.extracting import extract, texts


@pytest.mark.parametrize(
    "sentence",
    [
        "室温不达标集中在老旧小区，尤其是顶层和边户。",
        "二季度的回款没完成，差了三百万。",
        "Conversion fell short of the target for the third month.",
        "The uptime SLA was not met in October.",
    ],
)
def test_a_verdict_word_tells_a_miss(sentence: str) -> None:
    assert tells_a_miss(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # a 纪要 paragraph giving a reason, an SRT turn on procedure, a postmortem's background and story
        "备件采购要走集团采购，流程要45天，车间没有应急采购额度。",
        "冯姐补充了财务口径，没有别的意见。",
        "Requests queued behind each other on the same rows, timed out after 10 seconds, and we retried.",
        "The bigger problem is that the summer turnaround started late.",
    ],
)
def test_a_word_for_trouble_alone_tells_no_miss(sentence: str) -> None:
    assert not tells_a_miss(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "二是老客召回短信，转化率比去年翻了一倍。",
        "上线的OCR发票识别起了大作用，人工录入基本没了。",
        "And the online key collection slots worked, families were through in ten minutes.",
        "The pop-up desks in the halls were great.",
    ],
)
def test_plain_praise_is_a_highlight_word(sentence: str) -> None:
    assert praises_plainly(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # denied, summing up good and bad, a guest's praise of the team, a postmortem's apology
        "马主任开场：3月份整体是量够了，质量没守住。",
        "营收和客单价不错，但卫生间投诉是丢分的问题。",
        "我就说一句，你们暑期安全这块做得不错，局里很认可。",
        "The rollout was not great for the night shift.",
        "You guys did a great job on safety this summer.",
        "We know that for many of them this exam mattered a great deal, and we apologise.",
    ],
)
def test_praise_denied_mixed_or_from_a_guest_is_no_highlight_word(sentence: str) -> None:
    assert not praises_plainly(sentence)


@pytest.mark.parametrize(
    "sentence", ["我看七成。", "Three-quarters, maybe a bit more.", "八成是这个。", "About 70%, I'd say."]
)
def test_a_share_said_on_its_own_is_a_bare_share(sentence: str) -> None:
    assert is_bare_share(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "客单价高，是因为餐厅把快餐改成了三档套餐，大部分人选中间那档。",
        "About a third of the e-bikes sat with flat batteries for days.",
    ],
)
def test_a_statement_that_says_more_than_a_share_is_no_bare_share(sentence: str) -> None:
    assert not is_bare_share(sentence)


@pytest.mark.parametrize(
    ("note", "stray"),
    [
        (
            "设备部月度复盘纪要\n\n这个月备件到得慢，备件采购要走集团采购，流程要45天，车间没有应急采购额度。"
            "另外冯姐补充了财务口径，没有别的意见。\n",
            "应急采购",
        ),
        (
            "Slot booking incident\n\nRequests queued behind each other on the same rows and timed out after "
            "10 seconds. The team was slow to see it because the dashboards lag.\n",
            "queued behind",
        ),
    ],
)
def test_unheaded_prose_with_a_word_for_trouble_files_no_shortfall(note: str, stray: str) -> None:
    assert stray not in texts(extract(note).shortfalls)


@pytest.mark.parametrize(
    ("note", "praise"),
    [
        (
            "1\n00:00:01,000 --> 00:00:05,000\n谢科长：我就说一句，你们暑期安全这块做得不错，局里很认可。\n",
            "暑期安全",
        ),
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:05.000\n<v Dana>You guys did a great job on safety.\n",
            "safety",
        ),
    ],
)
def test_a_guests_praise_in_a_transcript_is_no_highlight(note: str, praise: str) -> None:
    name = "note.srt" if note.startswith("1\n") else "note.vtt"
    assert praise not in texts(extract(note, name=name).highlights)
