"""Owners: the bare name of whoever is named to own an action, or None."""

from __future__ import annotations

import pytest

from coach.domain.parsing import find_owner, labelled_words

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
    # a name glued to the task verb after it ends before the verb, whatever the name's length
    ("会后由吴倩整理", "吴倩"),
    ("会后由吴倩整理纪要", "吴倩"),
    ("由陈晨梳理流程", "陈晨"),
    ("请吴倩汇总数据", "吴倩"),
    ("由王磊出方案", "王磊"),
    ("由张伟明整理", "张伟明"),
    ("由张建国整理", "张建国"),
    ("assigned to Sam Review the runbook", "Sam"),
    ("Owner: Tom Draft the notes", "Tom"),
    ("handed to Priya Update the docs", "Priya"),
    ("led by Alice Chen Fix the alerts", "Alice Chen"),
    # a role said before the name is not part of it
    ("负责人：仓储经理吴昊，12月31日前", "吴昊"),
    ("负责人：IT孟凡，明年10月15日前", "孟凡"),
    ("副校长孙涛负责", "孙涛"),
    ("Owner: warehouse manager Wu Hao, by Dec 31", "Wu Hao"),
    ("Owner: IT lead Sam", "Sam"),
    ("assigned to QA engineer Ana", "Ana"),
    # more verbs a name leads: 组织, 整理, 安排, 起草, 协调
    ("全员两天谈判培训，周敏组织，5月15日前", "周敏"),
    ("会议纪要，李娜整理", "李娜"),
    ("Negotiation training for all reps, organized by Zhou Min, by May 15", "Zhou Min"),
    # English subjects
    ("Bob will fix the alert", "Bob"),
    ("Then Alice will ping the vendor", "Alice"),
    ("Alice Chen owns the rollout", "Alice Chen"),
    ("Bob to follow up with legal", "Bob"),
    ("QA will verify the fix", "QA"),
    # a name said once more between commas, the word after it no part of it
    ("Day-before access confirmation, Carla as well, starting next Monday", "Carla"),
    ("Gate radar swap, Tom again, by December 20", "Tom"),
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
    # words that start with a surname are no names: 周末, 方案, 周报, 马上
    "周末组织团建",
    "方案整理好再发",
    "周报整理一下",
    "马上安排",
    "Owner: the warehouse manager",
]


@pytest.mark.parametrize("text", NO_OWNER)
def test_no_owner(text: str) -> None:
    assert find_owner(text) is None


# The owner labels are the language files' `owner_label` / `owner_label_glued`: find_owner and the actions
# step's own reader (labelled_words) read the same ones.
@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("牵头人 陈晨，整理流程", "陈晨"),
        ("跟进人：吴倩", "吴倩"),
        ("assignee: Priya", "Priya"),
        ("DRI is Sam", "Sam"),
    ],
)
def test_every_owner_label_of_the_language_files_names_the_owner(text: str, owner: str) -> None:
    assert find_owner(text) == owner


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("负责人刘洋，月底前上线", "刘洋"),  # glued to the label, which find_owner does not read
        ("责任人是王芳", "王芳"),
        ("负责人：设备部老周，月底前", "设备部老周"),  # the words, not yet read as a name
    ],
)
def test_labelled_words_are_the_words_after_a_glued_label(text: str, words: str) -> None:
    found = labelled_words(text, 2, 10)
    assert found is not None and found["value"] == words


@pytest.mark.parametrize(
    "text",
    [
        "实行全程负责人制度，9月起执行",  # a rule that someone owns the work
        "ownerSam fixes it",  # English labels are never glued to the name
        "owner Sam",
    ],
)
def test_labelled_words_need_a_glued_label_and_a_clause_of_their_own(text: str) -> None:
    assert labelled_words(text, 2, 10) is None


def test_labelled_words_run_to_the_end_of_their_clause() -> None:
    assert (
        labelled_words("负责人刘洋明天开始做", 2, 3) is None
    )  # a name and the work after it: not a name alone
    assert labelled_words("负责人刘洋，明天开始做", 2, 3) is not None


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("First, Jon rewrites the triage script, by May 29", "Jon"),
        ("Finally, Sam fixes the kiosk by Friday", "Sam"),
        ("Secondly the rota change, Priya, by May 22", "Priya"),
        ("二是采购数码瞳高仪，马骁负责，12月底前", "马骁"),
        ("First, fix the alerting", None),
    ],
)
def test_the_place_in_a_list_is_no_owner(text: str, owner: str | None) -> None:
    assert find_owner(text) == owner


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        # the team said before the person, joined by 的, or after an English name: the person owns it
        ("退货原因周报，数据组的葛敏，本月底前出第一期", "葛敏"),
        ("平价套餐，让餐饮部的老郭做个方案，两周内", "老郭"),
        ("Weekly returns report, Greta from the data team, first issue by month end", "Greta"),
        ("Ask the vendor, Sam in the payroll team, to check the file", "Sam"),
        # a team's thing is no person; words after a name that name no team leave no owner
        ("质量部的抽检标准要更新，月底前", None),
        ("Fix the page, Safari in particular, by Friday", None),
        ("Fix the page, Safari from now on, by Friday", None),
    ],
)
def test_a_person_said_with_their_team_owns_the_task(text: str, owner: str | None) -> None:
    assert find_owner(text) == owner


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        # the person addressed and then "你来" / "you take it" takes the task
        ("刀片进厂抽检，沈悦你来，4月30日前", "沈悦"),
        ("刀片进厂抽检，沈悦，你来，4月30日前", "沈悦"),
        ("Blade intake checks - Sam, you own this one", "Sam"),
        ("Blade intake checks, Sam, you take it, by April 30", "Sam"),
        # with no name said before it, "you" names nobody; an idiom is no task
        ("这个你来吧", None),
        ("你来我往的沟通要少一点", None),
        ("If nobody else can, you take it", None),
    ],
)
def test_the_person_addressed_before_you_take_it_owns_the_task(text: str, owner: str | None) -> None:
    assert find_owner(text) == owner


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        # the person named as owner beside the task
        (
            "Show every release on the deploy dashboard, with Jun Watanabe as owner, by the end of September",
            "Jun Watanabe",
        ),
        ("Ship the checklist with Ana as the lead", "Ana"),
        ("上线发布看板，以周琳为负责人，9月底前", "周琳"),
        # a thing in a role is no owner (another style: a plain statement)
        ("We went live with Stripe as the payment provider", None),
        ("以周琳为例，新人上手要两周", None),
    ],
)
def test_the_person_named_as_owner_beside_the_task_owns_it(text: str, owner: str | None) -> None:
    assert find_owner(text) == owner
