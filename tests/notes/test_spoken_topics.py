"""How long a topic announced by voice holds in a transcript (zh, en): while the findings are told; from the
turn that tells a cause down to its root or weighs it, what is said is a finding only by its own words. A
prose paragraph or a heading keeps its own rules."""

from __future__ import annotations

import pytest

from coach.notes.spoken_topics import finding_asked
from tests.notes.extracting import extract, texts, words

ZH = (
    "复盘\n参会：孙丽、老郑、周建\n\n"
    "孙丽：不足呢？\n"
    "老郑：报损太多，每天晚上关店剩一堆面包。\n"
    "周建：订货还是按上个月的量在订。说到底是没有人按天看销量调订货，我看占了七成。\n"
    "老郑：门店之间也不调货。\n"
)
EN = (
    "Retro\nAttendees: Nora, Vikram, Beth\n\n"
    "Nora: What didn't go well. Data import took a week or more for half of our customers.\n"
    "Vikram: On time to first value, the imports are the bottleneck. Every import is a custom script. "
    "The root cause is that we don't have a self-service importer.\n"
    "Beth: The handoff problem is simpler. There is no handoff form.\n"
)


@pytest.mark.parametrize(("note", "finding"), [(ZH, "报损"), (EN, "Data import")])
def test_what_is_told_before_the_causes_is_still_a_finding(note: str, finding: str) -> None:
    assert finding in texts(extract(note).shortfalls)


@pytest.mark.parametrize(
    ("note", "stray"),
    [(ZH, "订货还是按"), (ZH, "不调货"), (EN, "bottleneck"), (EN, "custom script"), (EN, "handoff form")],
)
def test_the_turn_that_tells_the_root_and_what_follows_are_no_findings(note: str, stray: str) -> None:
    assert stray not in texts(extract(note).shortfalls)


@pytest.mark.parametrize(
    "note",
    [
        "复盘\n参会：孙丽、老郑\n\n孙丽：不足呢？\n老郑：报损太多，每天晚上关店剩一堆面包。\n"
        "周建：根子上是订货不看销量，我看七成。\n老郑：另外新品上市晚了两周，没达标。\n",
        "Retro\nAttendees: Hannah, Diego\n\nHannah: What didn't go well. Stations were empty every morning.\n"
        "Diego: The root cause is the old plan, three quarters of it.\n"
        "Hannah: And the pilot fell short of the target too.\n",
    ],
)
def test_after_the_causes_a_finding_in_its_own_words_is_kept(note: str) -> None:
    assert len(extract(note).shortfalls) == 2


@pytest.mark.parametrize(
    ("note", "finding", "stray"),
    [
        (
            "月度复盘纪要\n\n不足方面，新客转化没达标，只有12%。根子上是投放渠道一直没换，大概占七成。"
            "投放团队也只有两个人，排期总是往后推。\n",
            "新客转化",
            "投放团队",
        ),
        (
            "Incident review\n\nWhat went wrong. The release slipped two weeks. The root cause was that "
            "nobody owned the code freeze, about 70% of the delay. The release team is only two people.\n",
            "release slipped",
            "release team",
        ),
    ],
)
def test_in_a_prose_paragraph_what_follows_the_root_is_no_finding(
    note: str, finding: str, stray: str
) -> None:
    found = texts(extract(note, name="note.txt").shortfalls)
    assert finding in found and stray not in found


@pytest.mark.parametrize(
    "note",
    [
        # a 纪要 and a postmortem with headings: a root told under the heading closes nothing
        "月度复盘纪要\n\n## 不足\n- 报损太多，每天晚上关店剩一堆面包\n- 根子上是订货不看销量\n"
        "- 门店之间也不调货\n",
        "Incident review\n\n## What went wrong\n- Data import took a week\n- The root cause is no importer\n"
        "- The handoff from sales keeps losing details\n",
    ],
)
def test_items_under_a_heading_keep_their_heading(note: str) -> None:
    found = texts(extract(note).shortfalls)
    assert ("报损" in found and "不调货" in found) or ("Data import" in found and "handoff" in found)


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("二次消费低呢？", "二次消费低"),
        ("那二次消费低呢？", "二次消费低"),
        ("And the slow lockouts?", "the slow lockouts"),
        ("What about late deliveries?", "late deliveries"),
    ],
)
def test_a_question_that_names_a_finding_gives_its_words(question: str, name: str) -> None:
    assert finding_asked(question) == name


@pytest.mark.parametrize(
    "question",
    # a goal named without how it went, a why, a share asked for, a pointer back, a statement
    [
        "充电桩呢？",
        "And first-contact resolution?",
        "为什么排那么久？",
        "这个占排队的多少？",
        "那个慢呢？",
        "And that slow one?",
        "二次消费低。",
    ],
)
def test_a_question_that_names_no_finding_gives_none(question: str) -> None:
    assert finding_asked(question) is None


CAUSES_ASKED_ZH = (
    "1\n00:00:01,000 --> 00:00:04,000\n欧阳敏：再说说原因。\n\n"
    "2\n00:00:04,000 --> 00:00:08,000\n欧阳敏：二次消费低呢？\n\n"
    "3\n00:00:08,000 --> 00:00:12,000\n卢婷：餐饮档口价格太高，游客都自己带吃的。\n"
)
CAUSES_ASKED_EN = (
    "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Hollie>Let's dig into the causes.\n\n"
    "00:00:04.000 --> 00:00:08.000\n<v Hollie>And the slow lockouts?\n\n"
    "00:00:08.000 --> 00:00:12.000\n<v Jon>Because only the desk can reset MFA, after an ID check.\n"
)


@pytest.mark.parametrize(
    ("note", "name", "finding", "cause"),
    [
        (CAUSES_ASKED_ZH, "n.srt", "二次消费低", "价格太高"),
        (CAUSES_ASKED_EN, "n.vtt", "slow lockouts", "reset MFA"),
    ],
)
def test_a_finding_asked_about_is_named_by_the_question_and_the_answer_is_its_cause(
    note: str, name: str, finding: str, cause: str
) -> None:
    doc = extract(note, name=name)
    assert finding in texts(doc.shortfalls) and cause not in texts(doc.shortfalls)
    assert any(cause in words(chain) for chain in doc.cause_chains)


@pytest.mark.parametrize(
    ("note", "name"),
    [
        # a goal asked about in an SRT transcript; the same question told in a 纪要 paragraph, with no speaker
        (CAUSES_ASKED_ZH.replace("二次消费低呢？", "充电桩呢？"), "n.srt"),
        ("月度复盘纪要\n\n原因方面。二次消费低呢？餐饮档口价格太高，游客都自己带吃的。\n", "n.txt"),
    ],
)
def test_no_finding_is_named_by_a_goal_question_or_a_question_in_prose(note: str, name: str) -> None:
    assert not extract(note, name=name).shortfalls


@pytest.mark.parametrize(
    ("note", "name", "highlights"),
    [
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:05.000\n<v Megan>Good bits first. The cafe did well because of "
            "the new hot food menu. And resets were on time because of the new setter rota.\n",
            "n.vtt",
            ["hot food menu", "setter rota"],
        ),
        (
            "1\n00:00:01,000 --> 00:00:05,000\n杨桂花：好的方面先说。咖啡区做得不错，是因为上了新的热食菜单。"
            "换线也准时，是因为排了新的定线员轮班。\n",
            "n.srt",
            ["热食菜单", "定线员轮班"],
        ),
    ],
)
def test_what_a_turn_announces_as_the_good_bits_are_highlights_with_their_reasons(
    note: str, name: str, highlights: list[str]
) -> None:
    # "Good bits first.", "好的方面先说。": what follows in the turn went well, "because" and all; no cause
    doc = extract(note, name=name)
    assert all(h in texts(doc.highlights) for h in highlights) and not doc.cause_chains
