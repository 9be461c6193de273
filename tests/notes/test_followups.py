"""Follow-ups that complete a task named just before (zh, en): after ";" an owner who takes the work by
other words owns the commitment of the clause before; told in a sentence of its own, the owner's words are
the task."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.notes.extracting import extract


@pytest.mark.parametrize(
    ("note", "what", "who", "when"),
    [
        (
            "Exam outage postmortem\n\nGoing forward, exam-day traffic will run on its own cache cluster; "
            "Tomasz Nowak owns the migration, to be completed by December 15.\n",
            "cache cluster",
            "Tomasz Nowak",
            dt.date(2026, 12, 15),
        ),
        (
            "门店月度复盘纪要\n\n下一步，门店订货要改成按天看销量调整；订货系统改造由王芳负责，6月30日前上线。\n",
            "订货",
            "王芳",
            dt.date(2026, 6, 30),
        ),
    ],
)
def test_after_a_semicolon_the_owner_of_other_words_owns_the_commitment_before(
    note: str, what: str, who: str, when: dt.date
) -> None:
    actions = extract(note, name="note.txt").actions
    assert len(actions) == 1
    assert what in actions[0].what and actions[0].who == who and actions[0].when == when


def test_an_owner_told_in_a_sentence_of_its_own_is_the_task() -> None:
    # in a sentence of its own the named task replaces the ownerless mention; no owner goes to the one before
    actions = extract(
        "Email delay review\n\nWe will separate the marketing and transactional sending pools. "
        "Hamid owns the sending pool separation, due by the end of June.\n",
        name="note.txt",
    ).actions
    assert [a.who for a in actions] == ["Hamid"] and "pool separation" in actions[0].what


ASKED_EN = (
    "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n"
    "<v Maeve>Actions. Priscilla, can you get a shared calendar agreed with the conference office?\n\n"
    "00:00:04.000 --> 00:00:08.000\n<v Priscilla>Yes, I'll take that. By the end of June.\n"
)
ASKED_ZH = (
    "1\n00:00:01,000 --> 00:00:04,000\n马洪涛：行动。车流预测排班的方案，严红你来？\n\n"
    "2\n00:00:04,000 --> 00:00:08,000\n严红：可以，我来吧。月底前。\n"
)


@pytest.mark.parametrize(
    ("note", "name", "who", "when"),
    [
        (ASKED_EN, "n.vtt", "Priscilla", dt.date(2026, 6, 30)),
        (ASKED_ZH, "n.srt", "严红", dt.date(2026, 5, 31)),
    ],
)
def test_a_date_said_alone_after_taking_a_task_dates_it(
    note: str, name: str, who: str, when: dt.date
) -> None:
    actions = extract(note, name=name).actions
    assert [(a.who, a.when) for a in actions] == [(who, when)]


@pytest.mark.parametrize(
    ("note", "name"),
    [
        # the date is said by someone else, in a turn of its own: it dates nothing of hers
        (
            ASKED_EN.replace("By the end of June.\n", "\n")
            + "\n00:00:08.000 --> 00:00:09.000\n<v Ollie>By the end of June.\n",
            "n.vtt",
        ),
        (
            ASKED_ZH.replace("月底前。\n", "\n") + "\n3\n00:00:08,000 --> 00:00:09,000\n小葛：月底前。\n",
            "n.srt",
        ),
    ],
)
def test_a_date_said_by_another_speaker_dates_no_task(note: str, name: str) -> None:
    assert all(a.when is None for a in extract(note, name=name).actions if a.who in ("Priscilla", "严红"))


@pytest.mark.parametrize(
    ("note", "name", "named", "told"),
    [
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Nora>What went well?\n\n"
            "00:00:04.000 --> 00:00:09.000\n<v Vikram>The in-app guide too. "
            "Tickets about first-time setup dropped by about a third since we shipped it.\n",
            "n.vtt",
            "in-app guide",
            "first-time setup",
        ),
        (
            "复盘\n参会：孙丽、老郑\n\n孙丽：先说亮点。\n"
            "老郑：会员日。每周三积分双倍，再加上生日送小蛋糕，很多老客一周来两三次。\n",
            "n.txt",
            "会员日",
            "积分双倍",
        ),
    ],
)
def test_a_finding_named_in_a_few_words_is_told_on_by_the_statement_after_it(
    note: str, name: str, named: str, told: str
) -> None:
    highlights = extract(note, name=name).highlights
    assert len(highlights) == 1 and named in highlights[0].text and told in highlights[0].text


@pytest.mark.parametrize(
    ("note", "name"),
    [
        # joined on as another one, in a transcript; a bulleted list with no speaker
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Nora>What went well?\n\n"
            "00:00:04.000 --> 00:00:09.000\n<v Vikram>The in-app guide. "
            "And the student helpers we trained ran the walk-in triage all week.\n",
            "n.vtt",
        ),
        (
            "复盘\n\n## 亮点\n- 会员日积分双倍\n"
            "- 新品按时上，是研发和中央工厂一起做了试产，配方先跑通了才发到门店\n",
            "n.md",
        ),
    ],
)
def test_a_statement_joined_on_as_another_or_in_a_list_stays_its_own(note: str, name: str) -> None:
    assert len(extract(note, name=name).highlights) == 2


@pytest.mark.parametrize(
    ("note", "what", "who"),
    [
        (
            "On-call review\n\nGoing forward, on-call phone numbers will be verified every month by the duty "
            "rota; Chris Dunne owns setting that up.\n",
            "on-call phone numbers",
            "Chris Dunne",
        ),
        (
            "值班复盘纪要\n\n下一步，值班电话每月核对一次；王芳负责把这件事落实下去。\n",
            "值班电话",
            "王芳",
        ),
    ],
)
def test_an_owner_of_the_work_said_again_by_a_pointer_owns_the_task_before(
    note: str, what: str, who: str
) -> None:
    # "owns setting that up", "负责把这件事落实": no task of its own, the owner of the one just named
    actions = extract(note, name="note.txt").actions
    assert [(what in a.what, a.who) for a in actions] == [(True, who)]
