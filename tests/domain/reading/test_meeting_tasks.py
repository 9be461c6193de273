"""Tasks asked and taken in a meeting: of whom a task is asked, who takes it, and in what words; zh and en."""

from __future__ import annotations

import pytest

from coach.domain.reading.meeting_tasks import agreed_task, named_task, speaker_owns, takes, task_asked

PEOPLE = {"苏晴", "周海", "马超", "Lucy", "Mike", "Kim"}


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("收衣拍照存档，苏晴你牵头？", ("苏晴", "收衣拍照存档")),
        ("按面料分流的工艺标准谁来？", (None, "按面料分流的工艺标准")),
        ("跟货运平台对接呢？", (None, "跟货运平台对接")),
        ("Supervisor app, Lucy?", ("Lucy", "Supervisor app")),
        ("The dispensers, who talks to the supplier?", (None, "The dispensers, to the supplier")),
        ("And the supplier contract?", (None, "the supplier contract")),
        # handed without a question to someone at the meeting: their answer gives the date
        ("Supervisor app, Lucy.", ("Lucy", "Supervisor app")),
        ("增氧机跳闸报警，苏晴你弄。", ("苏晴", "增氧机跳闸报警")),
    ],
)
def test_a_task_is_asked_of_the_person_named_or_of_whoever_takes_it(
    said: str, asked: tuple[str | None, str]
) -> None:
    assert task_asked(said, PEOPLE) == asked


@pytest.mark.parametrize(
    "said",
    [
        "收衣拍照存档，老王你牵头？",  # no one of that name at the meeting
        "还有别的呢？",
        "陈姐你有要补充的吗？",
        "Graham, anything from finance?",
        "And anything else?",
        # handed whole, with its date: nothing is left to ask
        "Supervisor app, Lucy, by next Friday.",
        "增氧机跳闸报警，苏晴，下周五前。",
    ],
)
def test_questions_for_more_talk_or_of_someone_absent_ask_no_task(said: str) -> None:
    assert task_asked(said, PEOPLE) is None


def test_a_task_asked_of_anyone_is_taken_in_the_first_person_with_a_date() -> None:
    assert takes("我来吧，月底前出第一版。", agreed=False, anyone=True)
    assert takes("That's mine, I'll have them swapped by next Friday.", agreed=False, anyone=True)
    assert not takes("好的，月底前。", agreed=True, anyone=True)  # agreeing is not taking it on
    assert not takes("Sure, by Friday.", agreed=True, anyone=True)
    assert not takes("我来吧。", agreed=False, anyone=True)  # no date


@pytest.mark.parametrize(
    ("said", "task"),
    [
        ("城东客户固定收货窗口，马超你跟一下，两周后给我结果", "马超，城东客户固定收货窗口，两周后给我结果"),
        ("The depot rota, Kim you own it, by next Friday", "Kim, The depot rota, by next Friday"),
        ("城东客户固定收货窗口，老王你跟一下，两周后给我结果", None),
        ("The depot rota, Kim you own it", None),
    ],
)
def test_a_task_handed_to_someone_at_the_meeting_with_a_date_is_theirs(said: str, task: str | None) -> None:
    assert named_task(said, PEOPLE) == task


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("老城区配两台小型抢修车，马超，你去跟采购对？", ("马超", "老城区配两台小型抢修车")),
        (
            "Two small vans for the old town, Kim, you sort it with purchasing?",
            ("Kim", "Two small vans for the old town"),
        ),
    ],
)
def test_the_person_may_be_named_between_commas(said: str, asked: tuple[str, str]) -> None:
    assert task_asked(said, PEOPLE) == asked


@pytest.mark.parametrize(
    ("said", "speaker", "owned"),
    [
        ("雨季施工方案我来牵头，8月底前", "刘建华", "雨季施工方案，刘建华负责，8月底前"),
        ("我来整理客户名单，月底前", "小张", "小张来整理客户名单，月底前"),
        (
            "And I'll take the Saturday booking window change, by end of June",
            "Claire",
            "And Claire will take",
        ),
        # the speaker named as the owner between the task and its date
        ("Driver hours policy, me, end of June.", "Leona", "Driver hours policy, owner Leona, end of June"),
        ("司机工时制度，我，6月底前。", "苗青", "司机工时制度，负责人苗青，6月底前"),
    ],
)
def test_the_speaker_owns_what_they_take_on(said: str, speaker: str, owned: str) -> None:
    assert speaker_owns(said, speaker).startswith(owned)


@pytest.mark.parametrize(
    ("task", "said", "agreed"),
    [
        ("Snag app", "Yes, live by end of November.", "Becky, Snag app live, by end of November"),
        (
            "standby pool",
            "Yes, by the 20th. I'll need budget for four carers.",
            "Becky, standby pool, by the 20th",
        ),
        ("收衣拍照存档", "行，12月10日前上线。", "Becky，收衣拍照存档上线，12月10日前"),
        ("收衣验衣培训", "没问题，下周五前培训完。", "Becky，收衣验衣培训，下周五前"),
    ],
)
def test_an_agreed_task_keeps_the_state_it_is_to_reach_and_nothing_else(
    task: str, said: str, agreed: str
) -> None:
    assert agreed_task("Becky", task, said) == agreed


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("Lucy, welcome emails for the trials?", ("Lucy", "welcome emails for the trials")),
        ("苏晴，新客户欢迎邮件？", ("苏晴", "新客户欢迎邮件")),
    ],
)
def test_a_task_only_named_to_someone_at_the_meeting_is_asked_of_them(
    said: str, asked: tuple[str | None, str]
) -> None:
    assert task_asked(said, PEOPLE) == asked


@pytest.mark.parametrize(
    "said",
    [
        "Lucy, the template visit, can we do it off the plans?",  # asks something else of the task
        "Lucy, anything else?",
        "老王，新客户欢迎邮件？",  # no one of that name at the meeting
        "苏晴，还有别的吗？",
    ],
)
def test_a_question_to_someone_that_names_no_task_alone_asks_no_task(said: str) -> None:
    assert task_asked(said, PEOPLE) is None


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        (
            "Pay review for returners, to put to the council - Kim, can you?",
            ("Kim", "Pay review for returners, to put to the council"),
        ),
        ("收衣验衣培训方案——苏晴你来？", ("苏晴", "收衣验衣培训方案")),
    ],
)
def test_the_person_may_be_named_after_a_dash(said: str, asked: tuple[str, str]) -> None:
    assert task_asked(said, PEOPLE) == asked


@pytest.mark.parametrize(
    ("said", "task"),
    [
        (
            "New starters group - Kim again, let's say December 1",
            "Kim, New starters group, let's say December 1",
        ),
        ("城东客户固定收货窗口——马超你跟一下，两周后给我结果", "马超，城东客户固定收货窗口，两周后给我结果"),
    ],
)
def test_a_task_handed_after_a_dash_with_a_date_is_theirs(said: str, task: str) -> None:
    assert named_task(said, PEOPLE) == task
