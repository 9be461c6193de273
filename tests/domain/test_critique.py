"""Critique: is this HOW concrete, how deep is this cause, what does the user want (zh and en)."""

from __future__ import annotations

import pytest

from coach.domain import critique


@pytest.mark.parametrize(
    "text",
    [
        "加强沟通",
        "提高意识",
        "注意",
        "重视回款",
        "尽量早点跟进",
        "多关注客户",
        "提高安全意识",
        "提高大家的质量意识",
        "做好交接",
        "improve communication",
        "be more careful",
        "pay attention to invoices",
        "try harder",
        "",
        "沟通",
    ],
)
def test_vague_how_is_refused(text: str) -> None:
    assert critique.is_vague_how(text)


@pytest.mark.parametrize(
    "text",
    [
        "每周一对齐渠道数据",
        "加强沟通：每周一15分钟站会对齐回款",
        "建立回款跟踪表并每天更新",
        "上线发布检查清单",
        "review overdue invoices every Monday",
        "add a release checklist to the deploy script",
        "给新人配带教导师",
        "set up a weekly pricing meeting",
    ],
)
def test_concrete_how_is_accepted(text: str) -> None:
    assert not critique.is_vague_how(text)


@pytest.mark.parametrize(
    ("text", "depth", "level"),
    [
        ("回款慢了", 1, "phenomenon"),
        ("sales dropped", 1, "phenomenon"),
        ("因为客户审批流程变长", 1, "surface"),
        ("大客户回款延迟导致现金流紧张", 1, "surface"),
        ("because the invoices went out late", 1, "surface"),
        ("销售只管签单", 2, "surface"),
        ("根本原因是没有回款跟踪机制", 2, "root"),
        ("没有标准的合同模板", 2, "root"),
        ("本质上是职责不清", 1, "root"),
        ("the root cause is that nobody owns collections", 2, "root"),
        ("no process for following up invoices", 2, "root"),
        ("销售只管签单", 4, "root"),
    ],
)
def test_cause_level_from_cues_and_depth(text: str, depth: int, level: str) -> None:
    assert critique.cause_level(text, depth) == level


def test_symptom_has_no_cause_in_it() -> None:
    assert critique.is_symptom("回款下降了")
    assert not critique.is_symptom("因为审批慢回款下降了")
    assert not critique.is_symptom("渠道推广做得好")


@pytest.mark.parametrize(
    "text", ["跳过", "下一步", "跳过这一步", "skip", "Next", "skip this one", "move on!"]
)
def test_wants_skip(text: str) -> None:
    assert critique.wants_skip(text)


@pytest.mark.parametrize("text", ["下一个：老王", "next: Bob", "跳过了三个客户", "我们 skip 了评审"])
def test_not_skip(text: str) -> None:
    assert not critique.wants_skip(text)


@pytest.mark.parametrize(
    "text", ["回到上一步", "返回", "回到回顾", "上一步", "go back", "back to goals", "Back"]
)
def test_wants_back(text: str) -> None:
    assert critique.wants_back(text)


@pytest.mark.parametrize("text", ["到哪了", "现在进度如何？", "进度", "where are we?", "progress", "status?"])
def test_wants_status(text: str) -> None:
    assert critique.wants_status(text)


@pytest.mark.parametrize(
    "text",
    [
        "周强主持每周进度会，5月7日前",
        "进度表由李娜更新",
        "progress report owner: Nina",
        "不足就是进度，还有整改闭环率没到100%",
        "进度落后主要是下雨",
        "bad: status updates late",
    ],
)
def test_a_progress_meeting_or_report_is_no_status_question(text: str) -> None:
    assert not critique.wants_status(text)


@pytest.mark.parametrize("text", ["总结", "看看总结", "show summary", "Summary", "给我总结一下"])
def test_wants_summary(text: str) -> None:
    assert critique.wants_summary(text)


@pytest.mark.parametrize("text", ["结束", "完成", "结束复盘吧", "finish", "done", "We're done."])
def test_wants_finish(text: str) -> None:
    assert critique.wants_finish(text)


@pytest.mark.parametrize(
    "text",
    [
        "好的，今天先到这儿，结束吧",
        "行，结束",
        "没有别的了，完成",
        "Alright. Finish.",
        "That is everything, done",
    ],
)
def test_wants_finish_after_words_that_only_lead_up_to_it(text: str) -> None:
    assert critique.wants_finish(text)


@pytest.mark.parametrize(
    "text",
    ["Wrap up please.", "Right, that's the lot. Wrap up please.", "please finish", "好，就这些，请结束吧"],
)
def test_please_before_or_after_a_finish_is_still_a_finish(text: str) -> None:
    assert critique.wants_finish(text)


@pytest.mark.parametrize(
    "text", ["李娜负责，结束", "服务器迁移，完成", "Nina owns it. Finish.", "the rollout, done"]
)
def test_a_finish_after_content_is_not_a_bare_finish(text: str) -> None:
    assert not critique.wants_finish(text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("报价模板由陈峰更新，8月底前。好，就到这里，结束吧。", "报价模板由陈峰更新，8月底前。"),
        (
            "Nina updates the quote template by August 31. OK, let's wrap up.",
            "Nina updates the quote template by August 31.",
        ),
        (
            "Nina updates the quote template by August 31. Finish.",
            "Nina updates the quote template by August 31.",
        ),
    ],
)
def test_without_closing_keeps_the_content_before_a_closing_sentence(text: str, content: str | None) -> None:
    assert critique.without_closing(text) == content


@pytest.mark.parametrize(
    "text", ["巡检月底前完成。", "Nina finishes the audit by May 3.", "好，结束。", "OK. Finish."]
)
def test_without_closing_needs_content_and_a_closing_sentence(text: str) -> None:
    assert critique.without_closing(text) is None


@pytest.mark.parametrize(
    "text", ["完成了一半", "总结提取很难", "done by Friday", "回款目标1.2亿，实际9600万"]
)
def test_answers_are_not_commands(text: str) -> None:
    assert not (critique.wants_finish(text) or critique.wants_summary(text) or critique.wants_skip(text))
    assert not critique.wants_back(text)


@pytest.mark.parametrize(
    "text", ["无法量化", "这个没法量化", "不好量化", "can't quantify", "it's not measurable"]
)
def test_unquantifiable(text: str) -> None:
    assert critique.is_unquantifiable(text)


@pytest.mark.parametrize(
    "text", ["是", "对", "没错", "确认", "嗯", "是的，就是它", "yes", "Right.", "correct"]
)
def test_yes(text: str) -> None:
    assert critique.is_yes(text)
    assert not critique.is_no(text)


@pytest.mark.parametrize("text", ["不是", "不对", "不是，还有更深的", "no", "not really", "Nope."])
def test_no(text: str) -> None:
    assert critique.is_no(text)
    assert not critique.is_yes(text)


@pytest.mark.parametrize("text", ["", "   ", "🙂", "？？？", "123", "x" * 50_000])
def test_detectors_never_fail(text: str) -> None:
    for detector in (
        critique.is_vague_how,
        critique.is_symptom,
        critique.wants_skip,
        critique.wants_back,
        critique.wants_status,
        critique.wants_summary,
        critique.wants_finish,
        critique.is_unquantifiable,
        critique.is_yes,
        critique.is_no,
    ):
        assert detector(text) in (True, False)
    assert critique.cause_level(text, 1) in ("phenomenon", "surface", "root")


@pytest.mark.parametrize(
    "text", ["没了", "没别的亮点了", "没有别的原因了", "就这些", "none", "nothing else", "no more causes"]
)
def test_nothing_more(text: str) -> None:
    assert critique.is_none_more(text)


@pytest.mark.parametrize("text", ["没有回款跟踪机制", "没做客户信用评估", "no owner for the curriculum"])
def test_a_cause_starting_with_no_is_not_nothing_more(text: str) -> None:
    assert not critique.is_none_more(text)


@pytest.mark.parametrize(
    "text", ["是根因", "对，这是根因", "就是根因", "yes, root cause", "that's the root cause"]
)
def test_root_confirmed(text: str) -> None:
    assert critique.confirms_root(text)


@pytest.mark.parametrize(
    ("text", "chitchat"),
    [
        ("对了，下周团建去哪还没定", True),
        ("我中午还没吃饭呢哈哈，继续", True),
        ("by the way, the Berlin office move is next month", True),
        ("周末只排了一个人，根本接不过来", False),
        ("billing was taught in one lecture", False),
        ("大家五一都休息好了吧？", True),  # small talk is never a KPI or a title
        ("How was everyone's weekend?", True),
        ("大家好，GMV目标3000万，实际2650万", False),  # a greeting before content is no side remark
        ("weekend coverage finally worked", False),
    ],
)
def test_chitchat(text: str, chitchat: bool) -> None:
    assert critique.is_chitchat(text) is chitchat


@pytest.mark.parametrize(
    ("text", "undo"),
    [
        ("撤销", True),
        ("撤销，这条并到培训里了", True),
        ("undo that, we'll fold triage into the blitz.", True),
        ("undo that, it is not needed", True),
        ("算了，撤销，其他线路不归我们管。", True),
        ("Actually, undo that, other lines are not ours.", True),
        ("算了，撤销审批环节，王磊负责", False),
        ("Never mind, revert the pricing change, Tom, Friday", False),
        # more than an undo: an edit, read as one
        ("撤销，改成王磊", False),
        ("undo that and add a review, Tom", False),
        # an action that starts with the words, a heading, a terse answer
        ("撤销审批环节，王磊负责，6月底前", False),
        ("Revert the pricing change, Tom, by Friday", False),
        ("revert, the config push caused it", False),
        ("Undo: the migration scripts", False),
    ],
)
def test_an_undo_may_give_its_reason_but_asks_for_nothing_more(text: str, undo: bool) -> None:
    assert critique.wants_undo(text) is undo


@pytest.mark.parametrize(
    ("text", "external", "left"),
    [
        ("hail damage from September, can't help that", True, "hail damage from September"),
        ("九月的冰雹，这个没办法", True, "九月的冰雹"),
        ("the weather, nothing we could do about it", True, "the weather"),
        # "没办法" that says what could not be done is a cause of ours, no remark
        ("没办法按时交付", False, "没办法按时交付"),
    ],
)
def test_a_remark_that_nothing_could_be_done_says_the_cause_is_outside(
    text: str, external: bool, left: str
) -> None:
    assert critique.is_external(text) is external
    assert critique.without_external(text) == left
