"""Reflections read from one message: the person (themself, relayed) and the four answers, zh and en."""

from __future__ import annotations

import pytest

from coach.domain.reading.people import (
    declines,
    in_full,
    introduced_self,
    is_reflection_done,
    read_person,
    read_reflections,
    skips_reflection,
)


def test_a_whole_reflection_with_a_role_zh() -> None:
    (said,) = read_reflections(
        "我是仓储主管吴刚。最触动的是夜班同事连轴转；发现自己不爱求助；重来会早点招临时工；下一步排好轮休。"
    )
    assert said.person == "吴刚"
    assert said.answers == {
        "most_touched": "夜班同事连轴转",
        "self_discovery": "不爱求助",
        "do_better": "早点招临时工",
        "next_step": "排好轮休",
    }


def test_a_whole_reflection_with_a_role_en() -> None:
    (said,) = read_reflections(
        "I'm Lena, support lead. Most moved: a customer who waited a week. "
        "I found I avoid escalating. I'd do better by escalating on day two. Next step: weekly triage."
    )
    assert said.person == "Lena"
    assert said.answers["most_touched"] == "a customer who waited a week"
    assert said.answers["self_discovery"] == "I avoid escalating"
    assert said.answers["next_step"] == "weekly triage"


@pytest.mark.parametrize(
    ("text", "answers"),
    [
        (
            "Priya: most touched - the team covering for Sam. learned - I hoard the hard tickets. "
            "do better - pair earlier. next - write the escalation guide",
            [
                "the team covering for Sam",
                "I hoard the hard tickets",
                "pair earlier",
                "write the escalation guide",
            ],
        ),
        (
            "我是周航，最触动——前置仓那帮人周末加班；发现——总是等问题爆了才去管；重来会——每周看预测偏差；下一步——把预测交给一个人",
            ["前置仓那帮人周末加班", "总是等问题爆了才去管", "每周看预测偏差", "把预测交给一个人"],
        ),
    ],
)
def test_a_dash_parts_the_questions_words_from_the_answer_as_a_colon_does(
    text: str, answers: list[str]
) -> None:
    (said,) = read_reflections(text)
    assert list(said.answers.values()) == answers


def test_several_people_and_a_relayed_one() -> None:
    people = read_reflections(
        "我是马丽，最触动是客户流失；发现我太乐观。\n采购部赵强说：最触动是缺料；发现自己不敢催供应商。"
    )
    assert [p.person for p in people] == ["马丽", "赵强"]
    relayed = read_reflections(
        "Omar, our buyer, says: most moved by the stock-outs; he found he waits too long."
    )
    assert relayed[0].person == "Omar" and set(relayed[0].answers) == {"most_touched", "self_discovery"}


def test_an_answer_left_out_is_no_answer() -> None:
    (said,) = read_reflections("还有王芳的：她最触动的是加班太多；发现自己很能扛。重来那条她没说。")
    assert said.person == "王芳" and "do_better" not in said.answers
    (said,) = read_reflections("Most moved: the outage. Do better: skip that one.")
    assert "do_better" not in said.answers


def test_a_share_is_no_reflection() -> None:
    assert read_reflections("I'd say 60%.") == []


def test_a_label_ending_in_de_is_no_person() -> None:
    assert read_reflections("该做没做的：复盘模板没更新") == []


def test_done_and_skipped() -> None:
    assert is_reflection_done("反思就这些") and is_reflection_done("That's all the reflections.")
    assert skips_reflection("反思这次就免了") and skips_reflection("skip the reflections")
    assert not skips_reflection("反思一下为什么慢")


def test_a_list_of_people_with_their_answers() -> None:
    people = read_reflections(
        "Reflections:\n1. Sam - most moved: the 2am pages; found: I over-commit\n"
        "2. Ivy - most moved: the outage tweets; next step: pair on rollbacks"
    )
    assert [(p.person, sorted(p.answers)) for p in people] == [
        ("Sam", ["most_touched", "self_discovery"]),
        ("Ivy", ["most_touched", "next_step"]),
    ]
    zh = read_reflections("1. 王芳：最触动的是客户投诉；发现自己太急\n2. 李强：最触动的是加班；下一步排好班")
    assert [p.person for p in zh] == ["王芳", "李强"]


@pytest.mark.parametrize(
    ("text", "person", "answers"),
    [
        ("我是住院部的刘医生，刘思远。最触动的是主人放心了；发现自己不太会说不。", "刘思远", 2),
        ("还有兽医助理阿杰，他只说了最触动的：没一个是提醒回来的。其他几个问题他说下次再说。", "阿杰", 1),
        (
            "Kwame from the learning team: most moved by the kids; he discovered he waits for marketing.",
            "Kwame",
            2,
        ),
        (
            "Daniel, the senior associate, wants his in too: most moved by write-offs; would log time daily.",
            "Daniel",
            2,
        ),
        (
            "Lucy (front of house) skipped the first two questions. Next step: a daily ticketing check.",
            "Lucy",
            1,
        ),
    ],
)
def test_a_person_named_with_their_role_or_team_is_the_person_not_the_role(
    text: str, person: str, answers: int
) -> None:
    (said,) = read_reflections(text)
    assert said.person == person
    assert len(said.answers) == answers
    assert not any(
        role in answer for answer in said.answers.values() for role in ("兽医助理", "learning team")
    )


@pytest.mark.parametrize(
    "text",
    ["我是李娜，销售。最触动的是回款比签单难", "I'm Lena, support lead. Most moved: a customer who waited"],
)
def test_a_role_after_the_name_leaves_the_name(text: str) -> None:
    (said,) = read_reflections(text)
    assert said.person in ("李娜", "Lena")


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("我是物流部经理王海。最触动的是司机连续加班；发现自己不爱放权；下一步每周排班。", "王海"),
        (
            "I'm Maria Santos, head of logistics. Most moved: drivers on double shifts. "
            "Next step: a weekly rota.",
            "Maria Santos",
        ),
        ("I'm Maria. Most moved: drivers on double shifts. Next step: a weekly rota.", "Maria"),
    ],
)
def test_a_speaker_named_in_full_is_the_whole_name(text: str, person: str) -> None:
    (said,) = read_reflections(text)
    assert said.person == person
    assert said.answers["next_step"].rstrip("。.") in ("每周排班", "a weekly rota")


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "Reflection, me, Owen Price, ops lead. Most moved: a customer who waited seven weeks.",
            "Owen Price",
        ),
        (
            "Mine first, I'm Rosa Diaz, head of billing. Most moved: a clerk who rejected us three times.",
            "Rosa Diaz",
        ),
        (
            "Reflections. Mine first, Julia Hart: most moved, a retired teacher crying in our office.",
            "Julia Hart",
        ),
        ("反思，我是仓储主管吴刚。最触动的是夜班同事连轴转。", "吴刚"),
    ],
)
def test_the_speaker_said_after_me_or_mine_is_the_person(text: str, person: str) -> None:
    (said,) = read_reflections(text)
    assert said.person == person
    assert "most_touched" in said.answers


@pytest.mark.parametrize(
    ("text", "question", "answer"),
    [
        ("I'm Owen. Better: I'd track each job from day one.", "do_better", "track each job"),
        ("I'm Owen. About me: I judge the month by installs.", "self_discovery", "judge the month"),
        ("我是吴刚。发现：我发现自己不爱求助。", "self_discovery", "不爱求助"),
    ],
)
def test_a_question_named_by_its_short_label_is_no_person(text: str, question: str, answer: str) -> None:
    (said,) = read_reflections(text)  # one person: "Better", "发现" are no one
    assert said.person in ("Owen", "吴刚")
    assert answer in said.answers[question]


@pytest.mark.parametrize(
    ("text", "person", "next_step"),
    [
        (
            "Dev Patel, our night shift supervisor, sent his in writing. Most touched: a handler who cried. "
            "Next step: a buddy rota.",
            "Dev Patel",
            "a buddy rota",
        ),
        (
            "Tom Avery, our senior manager, couldn't stay, he emailed his answers: moved by the thank-yous; "
            "next step, he'll hand over the junior files.",
            "Tom Avery",
            "he'll hand over the junior files",
        ),
        ("老周，保育舍组长，托我转述：最触动的是转群死得多；下一步每天测栏温。", "老周", "每天测栏温"),
    ],
)
def test_a_person_named_with_their_role_whose_answers_were_passed_on(
    text: str, person: str, next_step: str
) -> None:
    (said,) = read_reflections(text)
    assert said.person == person
    assert said.answers["next_step"].rstrip("。.") == next_step
    assert "most_touched" in said.answers


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("我是李娜。重来会把培训 / 上线陪跑提前做", "把培训 / 上线陪跑提前做"),
        (
            "I'm Bob. Better: onboarding / training earlier. Next: weekly check",
            "onboarding / training earlier",
        ),
    ],
)
def test_an_answer_that_names_two_things_with_a_slash_stays_whole(text: str, answer: str) -> None:
    (said,) = read_reflections(text)
    assert said.answers["do_better"] == answer


@pytest.mark.parametrize(
    "text",
    [
        "反思我说我的：最触动的是学员排不上考试；我发现自己以前觉得约考是学员自己的事。",
        "Mine: most moved by the night shift calls; I found I avoid the hard conversations.",
    ],
)
def test_the_speakers_own_reflection_names_no_one(text: str) -> None:
    (said,) = read_reflections(text)
    assert said.person is None
    assert said.answers["most_touched"]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("反思就我一个吧，我是片区经理韩冬。最触动：老板说我们的柜子不靠谱。发现自己太看铺点数了。", "韩冬"),
        ("OK, quick one, I'm Gareth. Most moved: the apprentices staying late.", "Gareth"),
    ],
)
def test_a_self_introduction_after_a_lead_in_names_the_person(text: str, person: str) -> None:
    (said,) = read_reflections(text)
    assert said.person == person and "most_touched" in said.answers


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        ("我是王芳。最触动的是加班太多；重来那个我不想说；下一步排好班。", "do_better"),
        ("我是王芳。最触动的是加班太多；重来这个跳过；下一步排好班。", "do_better"),
        ("王芳说：最触动的是加班太多；重来她没回答；下一步排好班。", "do_better"),
        ("我是王芳。最触动的是加班太多；下一步还没想好，先空着。", "next_step"),
        (
            "I'm Ivy. Most moved: the outage. She'd rather not answer the do-better one. Next step: a rota.",
            "do_better",
        ),
        ("I'm Ivy. Most moved: the outage. Do better: I'd rather not say. Next step: a rota.", "do_better"),
        ("I'm Ivy. Most moved: the outage. Do better: pass on that one. Next step: a rota.", "do_better"),
        ("I'm Ivy. Most moved: the outage. Next step: she didn't answer that one.", "next_step"),
        # not answered yet: the question is left out, nothing is filed for it
        ("王芳说：最触动的是加班太多；做得更好那个她说要先想想，没给；下一步排好班。", "do_better"),
        ("我是王芳。最触动的是加班太多；做得更好的……我还没想好；下一步排好班。", "do_better"),
        ("I'm Ivy. Most moved: the outage. Next step: nothing yet.", "next_step"),
        ("I'm Ivy. Most moved: the outage. Do better: she's not sure yet. Next step: a rota.", "do_better"),
        (
            "I'm Ivy. Most moved: the outage. Do better: she'll think about it. Next step: a rota.",
            "do_better",
        ),
    ],
)
def test_a_question_said_to_be_left_out_is_skipped_not_answered(text: str, left_out: str) -> None:
    (said,) = read_reflections(text)
    assert left_out not in said.answers
    assert said.skipped == [left_out]
    assert said.answers["most_touched"] in ("加班太多", "the outage")


@pytest.mark.parametrize(
    ("text", "question", "answer"),
    [
        # the skip words are what the answer is about, not a remark about the question
        ("最触动的是客户没说实话就走了；重来会先问清需求。", "most_touched", "客户没说实话就走了"),
        ("最触动的是工单；发现自己不想说的话都憋着。", "self_discovery", "不想说的话都憋着"),
        (
            "Most moved: the outage. Do better: ask what customers didn't say.",
            "do_better",
            "ask what customers",
        ),
        (
            "Most moved: the outage. Next step: stop letting people pass on the on-call rota.",
            "next_step",
            "rota",
        ),
        (
            "Most moved: the outage. Next step: nothing beats a checklist, so write one.",
            "next_step",
            "checklist",
        ),
        ("最触动的是工单；下一步想想办法把排班做细。", "next_step", "排班做细"),
        # a transcript line with the same words
        ("[09:17] 马超：最触动的是客户跳过了试用；下一步跟客户谈。", "most_touched", "客户跳过了试用"),
    ],
)
def test_skip_words_inside_a_real_answer_leave_it_an_answer(text: str, question: str, answer: str) -> None:
    (said,) = read_reflections(text)
    assert answer in said.answers[question]
    assert said.skipped == []


@pytest.mark.parametrize(
    ("text", "person", "rest"),
    [
        ("我是王磊，销售总监", "王磊", ""),
        ("I'm Tom, data manager.", "Tom", ""),
        ("下一个是张三", "张三", ""),
        ("Next is Maria Santos, head of logistics", "Maria Santos", ""),
        ("李娜", "李娜", ""),
        ("Tom Avery", "Tom Avery", ""),
        ("我是林涛，最触动的是客户流失", "林涛", "最触动的是客户流失"),
        ("客房部陈刚说：最触动是夜班", "陈刚", "最触动是夜班"),
        ("Tom, our data manager, says: most moved by the outage", "Tom", "most moved by the outage"),
    ],
)
def test_the_person_named_when_asked_who_is_next(text: str, person: str, rest: str) -> None:
    assert read_person(text) == (person, rest)


@pytest.mark.parametrize(
    "text",
    [
        "最触动的是客户流失",
        "Most moved by the outage, honestly.",
        "我们这次回款比签单难多了",  # prose, no name
        "We found the alerts were routed to the wrong team",
    ],
)
def test_an_answer_or_prose_names_no_one(text: str) -> None:
    assert read_person(text) == (None, text)


@pytest.mark.parametrize(
    ("text", "person", "questions"),
    [
        (
            "Rosa says what moved her most was customers settling once phoned. "
            "About herself, she likes disputes.",
            "Rosa",
            ["most_touched", "self_discovery"],
        ),
        (
            "Priya from the clinical desk says the thing that stuck with her was the triage calls. "
            "Next step: she'll list the call types.",
            "Priya",
            ["most_touched", "next_step"],
        ),
        (
            "Jamal couldn't make it, so I'm passing on what he wrote. He was struck by the re-sent invoices. "
            "His next step is a customer portal.",
            "Jamal",
            ["most_touched", "next_step"],
        ),
        (
            "Declan Moore, our head of stage: most moved, his crew at 2am. "
            "About himself, he sits on bad news.",
            "Declan Moore",
            ["most_touched", "self_discovery"],
        ),
        (
            "饲养员阿强让我转述：最触动的是那栏死得最多；发现自己对温度没概念。",
            "阿强",
            ["most_touched", "self_discovery"],
        ),
        (
            "东湖校区的校长许立伟托我转达他的：最触动是学习报告；下一步每周一对一。",
            "许立伟",
            ["most_touched", "next_step"],
        ),
        (
            "- 莫干山店长小吴：最触动的是阿姨们忙；做得更好：早点要保洁主管",
            "小吴",
            ["most_touched", "do_better"],
        ),
    ],
)
def test_answers_passed_on_for_someone_are_theirs(text: str, person: str, questions: list[str]) -> None:
    (said,) = read_reflections(text)
    assert said.person == person
    assert sorted(said.answers) == sorted(questions)


@pytest.mark.parametrize(
    "text",
    [
        "Tom says the deploy failed on Friday.",  # a relayed fact, no reflection
        "Jamal couldn't make it, so the numbers are from last week.",
        "服务做得更好了，投诉少了一半。",  # a highlight in prose
        "[10:02] 李娜：客服这块做得更好，投诉少了一半",  # a transcript line
    ],
)
def test_relayed_words_and_praise_are_no_reflection(text: str) -> None:
    assert not any(p.answers for p in read_reflections(text))


def test_do_better_named_by_its_own_words_zh() -> None:
    (said,) = read_reflections("我是苏晴。做得更好：7月就该把成果展排进课表。下一步：每个班办成果展。")
    assert said.answers["do_better"].startswith("7月就该")
    (said,) = read_reflections("我是苏晴。最触动的是外婆哭了；做得更好那个我还没想好。")
    assert said.skipped == ["do_better"]


@pytest.mark.parametrize(
    ("text", "question", "answer"),
    [
        ("I'm Ruth. Next time: check each site's referral sources.", "do_better", "check each site's"),
        ("我是周海。下次：每天早上先看前一晚的能耗曲线。", "do_better", "每天早上先看"),
        ("我是陈刚。下次开线之前先做客户密度分析。", "do_better", "开线之前"),
        ("I'm Gareth. What stuck with me most was the burst on Hill Road.", "most_touched", "the burst"),
        ("Me: Nadia, duty manager. Moved: passengers missing flights.", "most_touched", "passengers missing"),
        ("我是周海。自己的问题：太相信值班记录。", "self_discovery", "太相信值班记录"),
        ("Me: Leon Marsh. Touched: a mum thanked the crew at 7am.", "most_touched", "a mum thanked"),
        ("Me: Leon Marsh. Self: I sit on decisions waiting for sign-off.", "self_discovery", "I sit on"),
        (
            "Kev Morrow: found he's a decent teacher; better - he'd have refused to climb.",
            "do_better",
            "refused",
        ),
        ("我是周海。触动：值班大姐凌晨还在。", "most_touched", "值班大姐"),
        ("我是周海。更好：早点把排班表发出去。", "do_better", "早点把排班表"),
        ("顾问孙悦：最触动的是放鸽子；会做得更好的是面试前一天电话辅导", "do_better", "面试前一天电话辅导"),
    ],
)
def test_a_question_named_by_its_short_words(text: str, question: str, answer: str) -> None:
    (said,) = read_reflections(text)
    assert answer in said.answers[question]


@pytest.mark.parametrize(
    "text",
    [
        "Four in five, I'd say, and the flu one is the other fifth.",  # a share hedged, in a chat answer
        "I'd say 80% of it.",
        "七成吧，我估计，剩下是流感那次。",
        "其他几个问题他说下次再说。",  # a question put off, not a do-better answer
        "[10:02] Sam: we moved the standup to 10am",  # a transcript line
    ],
)
def test_a_hedge_or_a_remark_answers_no_question(text: str) -> None:
    assert not any(p.answers for p in read_reflections(text))


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("我（小林，林晓燕，场里的兽医）：最触动的是解剖了十几头；发现自己不太敢提要求", "林晓燕"),
        ("我（组长陈曦）：最触动的是候选人的话；发现自己只看推荐量", "陈曦"),
        ("反思：我自己（孟婷）最触动的是仓库里堆了两万册；发现我对数字不敏感", "孟婷"),
        (
            "Me (Nadia Rahman, duty manager): Moved: passengers missing flights. "
            "Learned: I trust the roster.",
            "Nadia Rahman",
        ),
        ("Me (Nadia, duty manager): most moved by the queues; I found I trust the roster.", "Nadia"),
    ],
)
def test_the_speaker_named_in_brackets_after_me(text: str, person: str) -> None:
    (said,) = read_reflections(text)
    assert said.person == person
    assert len(said.answers) == 2


@pytest.mark.parametrize(
    "text",
    ["最触动的是，我是新来的，大家都帮我。", "Most moved: honestly, I'm new and everyone helped me."],
)
def test_i_am_inside_an_answer_names_no_one(text: str) -> None:
    (said,) = read_reflections(text)
    assert said.person is None


@pytest.mark.parametrize(
    ("text", "do_better", "next_step"),
    [
        (
            "Most moved: a patient who drove 90 miles. Next time: check each site's referral sources first. "
            "Next step: monthly calls with the oncologists.",
            "check each site's referral sources first",
            "monthly calls with the oncologists",
        ),
        (
            "最触动的是病人开了90英里来筛查。重来的话：先查转诊来源。下一步：每月和医生通话。",
            "先查转诊来源",
            "每月和医生通话",
        ),
    ],
)
def test_what_they_would_do_next_time_is_doing_better_not_the_next_step(
    text: str, do_better: str, next_step: str
) -> None:
    [said] = read_reflections(text)
    assert said.answers["do_better"] == do_better and said.answers["next_step"] == next_step


@pytest.mark.parametrize(
    ("text", "next_step"),
    [
        ("Next step: next time we meet, bring the data.", "next time we meet, bring the data"),
        ("Next, I will call the sites.", "I will call the sites"),
    ],
)
def test_a_next_step_that_mentions_next_time_stays_the_next_step(text: str, next_step: str) -> None:
    [said] = read_reflections(text)
    assert said.answers == {"next_step": next_step}


@pytest.mark.parametrize(
    "text",
    [
        "我（也）最触动的是客户流失；发现自己太乐观",  # an aside in brackets, no name
        "Me (honestly): most moved by the queues; I found I trust the roster.",
    ],
)
def test_brackets_after_me_without_a_name_name_no_one(text: str) -> None:
    assert all(p.person is None for p in read_reflections(text))


def test_answers_typed_in_quotes_are_read_without_the_quotes() -> None:
    (said,) = read_reflections(
        "还有程果，她自己打的：“最触动的是家长说终于知道孩子在学什么。我发现我很怕打电话。"
        "我应该早点把作品发到群里。下一步学家长沟通。”"
    )
    assert said.answers == {
        "most_touched": "家长说终于知道孩子在学什么",
        "self_discovery": "我很怕打电话",
        "do_better": "早点把作品发到群里",
        "next_step": "学家长沟通",
    }
    (said,) = read_reflections(
        '"Most moved: the 2am pages. I should have asked for help sooner. Next step: a rota."'
    )
    assert said.answers["do_better"] == "asked for help sooner"
    assert said.answers["next_step"] == "a rota"
    (said,) = read_reflections("最触动的是客户说“你们只在推简历的时候找我”")
    assert said.answers["most_touched"] == "客户说“你们只在推简历的时候找我”"  # a quote inside stays whole


@pytest.mark.parametrize(
    "text",
    [
        "[09:12] 周磊：我们应该早点接货运平台",  # the team's should, in a transcript
        "We should have agreed a handover limit in the spring.",
        "应该做没做的：复盘模板没更新",
    ],
)
def test_the_teams_should_is_no_reflection(text: str) -> None:
    assert not any(p.answers for p in read_reflections(text))


@pytest.mark.parametrize(
    "text",
    [
        "Reflections:\nAmy: most moved by exit interviews; learned I ignore small accounts.\nBen: skip",
        "反思：\n小林：最触动的是退订访谈；发现自己忽视小客户。\n老王：跳过",
    ],
)
def test_a_person_who_only_passes_skips_every_question(text: str) -> None:
    first, second = read_reflections(text)
    assert first.answers and not second.answers
    assert second.skipped == ["most_touched", "self_discovery", "do_better", "next_step"]


def test_would_do_better_by_opens_the_answer_without_its_words() -> None:
    (said,) = read_reflections(
        "Amy: most moved by exit interviews; would do better by calling every new account"
    )
    assert said.answers["do_better"] == "calling every new account"


@pytest.mark.parametrize(
    ("text", "person", "touched", "found"),
    [
        (
            "反思我来：我是营地负责人祁岚。最触动：一家人冒雨来了，发现别人都退了，营地冷冷清清。"
            "发现自己：太怕客人投诉。下一步：每月看退款结构。",
            "祁岚",
            "一家人冒雨来了，发现别人都退了，营地冷冷清清",
            "太怕客人投诉",
        ),
        (
            "I'm Aroha. Most moved: a family came in the rain, found out everyone else had cancelled. "
            "I found I trust the calendar too much. Next step: weekly sampling.",
            "Aroha",
            "a family came in the rain, found out everyone else had cancelled",
            "I trust the calendar too much",
        ),
    ],
)
def test_a_question_word_said_in_passing_is_part_of_the_answer_when_a_later_sentence_opens_that_question(
    text: str, person: str, touched: str, found: str
) -> None:
    (said,) = read_reflections(text)
    assert said.person == person
    assert said.answers["most_touched"] == touched and said.answers["self_discovery"] == found


def test_the_same_question_word_answers_for_the_next_person_too() -> None:
    first, second = read_reflections(
        "我是马丽，最触动是客户流失，发现我太乐观。\n我是赵强。发现自己：不敢催供应商。"
    )
    assert first.answers == {"most_touched": "客户流失", "self_discovery": "我太乐观"}
    assert second.answers == {"self_discovery": "不敢催供应商"}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # the speaker taking their turn ("我先：", "我来：") names no one; the introduction after it does
        ("反思我们几个都说一下。我先：我是店长章瑶。最触动：客人一句话没说。", "章瑶"),
        ("反思我来：我是营地负责人祁岚。最触动：一家人冒雨来了。", "祁岚"),
        # a trade said before the name is no part of it
        ("前台小鱼：最触动的是客人骂她。发现自己情绪容易被带走。", "小鱼"),
        ("Me first: I'm Zhang Yao. Most moved: a table left without a word.", "Zhang Yao"),
        # a name and role before a colon, then what moved them said in a sentence
        ("Rory, deckhand rep: what moved him was passengers bringing the crew coffee.", "Rory"),
        ("罗瑞：让他最触动的是乘客给船员送咖啡。", "罗瑞"),
    ],
)
def test_the_person_after_a_turn_taken_or_a_trade_is_the_one_reflecting(text: str, person: str) -> None:
    (said,) = read_reflections(text)
    assert said.person == person and said.answers["most_touched"]


@pytest.mark.parametrize(
    "text",
    [
        "五号库班长叫冉小兵，他说他不写了，就是那天说的那些。",
        "客服的阿敏说她这次不写了，刚来两周，没啥感受。",
        "老周那份别给他记了。",
        "Ben said he's not writing one this time, he's new.",
        "Nadia doesn't want to share, she has nothing to add.",
        "小蔺说她就不说了，她刚来，怕说不好。",
        "Ivo Marsh from the saw line said he'd rather not, fine by me.",
        "卜强还没想好，他说下次复盘再说。",
        "Sam isn't ready yet, maybe next time.",
    ],
)
def test_a_person_who_writes_no_reflection_declines(text: str) -> None:
    assert declines(text)


@pytest.mark.parametrize(
    "text", ["我说完了，反思都写完了", "反思就这些", "done with reflections", "That's all the reflections"]
)
def test_the_reflections_said_to_be_over(text: str) -> None:
    assert is_reflection_done(text)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("reflections - me first, I'm Omar (squad lead). most touched: the client crying.", "Omar"),
        ("Leah (PM) sent hers over slack: moved by the night shift; learned she plans too late.", "Leah"),
        ("Kofi, our prepress guy, sent his by text: moved by the client; found out he rushes.", "Kofi"),
    ],
)
def test_a_reflection_sent_in_or_after_a_dashed_header_names_its_person(text: str, person: str) -> None:
    (said,) = read_reflections(text)
    assert said.person == person
    assert said.answers["most_touched"]


@pytest.mark.parametrize(
    ("short", "known", "full"),
    [
        ("Kofi", {"Kofi Mensah", "Dan Whitlock"}, "Kofi Mensah"),
        ("老廖", {"廖德胜", "许丽娟"}, "廖德胜"),
        ("小潘", {"潘一鸣"}, "潘一鸣"),
        ("Kofi", {"Kofi Mensah", "Kofi Boateng"}, "Kofi"),  # two could be meant: as said
        ("老廖", {"廖德胜", "廖青"}, "老廖"),
        ("阿敏", {"许敏"}, "阿敏"),
        # the given name of one full name of three characters
        ("一鸣", {"龙一鸣", "乔安"}, "龙一鸣"),
        ("一鸣", {"龙一鸣", "孙一鸣"}, "一鸣"),
    ],
)
def test_a_short_name_is_the_one_full_name_it_stands_for(short: str, known: set[str], full: str) -> None:
    assert in_full(short, known) == full


def test_a_relayed_persons_name_in_brackets_is_their_full_name() -> None:
    (said,) = read_reflections(
        "调度的小韩（韩冬梅）说：最触动——有个阿姨在公交上吃午饭。发现自己：只盯着排满。"
    )
    assert said.person == "韩冬梅"


@pytest.mark.parametrize(
    ("text", "question", "answer"),
    [
        ("What got me was the Patel wedding.", "most_touched", "the Patel wedding"),
        ("Better would have been to block Monday mornings.", "do_better", "block Monday mornings"),
        (
            "Kofi: moved by the biscuits; should have bounced the RGB files.",
            "do_better",
            "bounced the RGB files",
        ),
        ("戴珊珊说：最触动是油污没擦干净；她觉得自己培训太偏理论。", "self_discovery", "培训太偏理论"),
    ],
)
def test_a_question_answered_in_everyday_words(text: str, question: str, answer: str) -> None:
    assert read_reflections(text)[-1].answers[question] == answer


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "Adding mine. Aoife, shelter manager. most touched: Biscuit came back. learned I rush.",
            "Aoife",
        ),
        (
            "mei wants hers in too: moved by the family who drove 3 hours. about herself: says yes to all.",
            "Mei",
        ),
    ],
)
def test_a_name_with_its_role_alone_or_wanting_theirs_in_names_the_person(text: str, person: str) -> None:
    (said,) = read_reflections(text)
    assert said.person == person
    assert len(said.answers) == 2


def test_a_verb_after_i_am_names_no_one() -> None:
    assert read_person("I'm adding mine.")[0] is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("我们是颜启化妆品代工厂的灌装二车间，做4月份的月度复盘，我是车间主任葛文斌。今天人齐。", "葛文斌"),
        ("Hi all, I'm Conor Walsh, yard manager. Let's start.", "Conor Walsh"),
        ("Clearline Windows, January review. I'm Nadia Sorensen, ops manager.", "Nadia Sorensen"),
        # what follows "我是" / "I'm" is no name
        ("我是说这个不对", None),
        ("我是想改第1条", None),
        ("I'm calmer under pressure than I thought", None),
        ("I'm not sure", None),
    ],
)
def test_the_person_who_says_who_they_are_in_any_clause(text: str, name: str | None) -> None:
    assert introduced_self(text) == name


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # one who opens by declining passes, whatever reason follows; the next speaker answers for themself
        (
            "蓝溪：我就不说了，今天嗓子不行，下次补。\n苗青：行。我自己：最触动的是客户那句“最快的一次”；下一步每周一开排期会。",
            {"蓝溪": set(), "苗青": {"most_touched", "next_step"}},
        ),
        (
            "Raj: I'd rather not, sorry, maybe next time.\n"
            "Pippa: OK. Most moved: the crew. Next step: a checklist.",
            {"Raj": set(), "Pippa": {"most_touched", "next_step"}},
        ),
    ],
)
def test_a_speaker_who_declines_passes_and_one_who_agrees_to_go_answers(
    text: str, people: dict[str, set[str]]
) -> None:
    said = read_reflections(text)
    assert {p.person: set(p.answers) for p in said} == people


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        ("Carla: Most moved was the new driver. Next step, not yet, I need to think.", "next_step"),
        ("单建国：最触动的是新人没一句怨言；下一步还没想好。", "next_step"),
    ],
)
def test_an_answer_not_given_yet_is_left_out(text: str, left_out: str) -> None:
    (said,) = read_reflections(text)
    assert left_out not in said.answers and said.answers["most_touched"]


@pytest.mark.parametrize(
    "text",
    [
        "反思大家轮流说的，我一个个发。先是我：最触动我的是老单多背了一台仪器上去复测。",
        "你先：最触动的是客户的那句谢谢。",
    ],
)
def test_the_one_speaking_named_by_a_pronoun_is_no_person(text: str) -> None:
    (said,) = read_reflections(text)
    assert said.person is None and said.answers["most_touched"]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("质量部的闫慧也说了她的：最触动她的是客户来验厂那天；下一步想学一下纸张物性检测。", "闫慧"),
        ("Nadia from booking sent hers too: most moved by the volunteers; next step: a rota.", "Nadia"),
    ],
)
def test_a_person_who_gave_theirs_too_is_named_without_the_words_that_say_so(text: str, person: str) -> None:
    (said,) = read_reflections(text)
    assert said.person == person and said.answers["most_touched"]
