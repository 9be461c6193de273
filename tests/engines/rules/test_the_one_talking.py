"""The one typing, known from the first "我是…" / "I'm …" of the chat, owns what they take on ("我负责",
"负责人写我吧", "me"); a name said beside "我" is the owner; a helper named after a new owner changes nothing;
zh and en."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import TO_ACTIONS_ZH, Coaching
from tests.engines.rules.test_meta_and_edits import TO_ACTIONS_EN

INTRO = {"zh": "我是车间主任葛文斌，今天做月度复盘。", "en": "Hi all, I'm Conor Walsh, yard manager."}
TWO_ACTIONS = {
    "zh": "行动：一是上线回款看板，财务部周婷负责，5月20日前；二是合同加付款节点，我负责，6月底前。",
    "en": "Actions: Nina builds the collections dashboard by May 20; "
    "the payment terms rewrite, me, by June 30.",
}


def _two_actions(language: str) -> Coaching:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.say(INTRO[language])
    coach.script(
        *(TO_ACTIONS_ZH if language == "zh" else TO_ACTIONS_EN), "跳过" if language == "zh" else "skip"
    )
    coach.say(TWO_ACTIONS[language])
    return coach


@pytest.mark.parametrize("language", ["zh", "en"])
def test_an_action_the_one_typing_takes_on_is_theirs(language: str) -> None:
    actions = _two_actions(language).last.review.actions
    assert [a.who for a in actions] == (["周婷", "葛文斌"] if language == "zh" else ["Nina", "Conor Walsh"])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("zh", "回款看板那条负责人写我吧，周婷那边人手不够，时间不变。"),
        ("en", "Give the collections dashboard to me, the team is swamped. Same date."),
    ],
)
def test_an_action_handed_to_the_one_typing_is_theirs(language: str, text: str) -> None:
    coach = _two_actions(language)
    result = coach.say(text)
    assert len(result.review.actions) == 2
    assert result.review.actions[0].who == ("葛文斌" if language == "zh" else "Conor Walsh")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_with_no_one_known_to_be_typing_me_names_no_owner(language: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.script(
        *(TO_ACTIONS_ZH if language == "zh" else TO_ACTIONS_EN), "跳过" if language == "zh" else "skip"
    )
    result = coach.say(TWO_ACTIONS[language])
    assert [a.who for a in result.review.actions if a.who] == ["周婷" if language == "zh" else "Nina"]


@pytest.mark.parametrize(
    ("language", "text", "who"),
    [
        ("zh", "合同加付款节点那条负责人换成孙丽，周婷配合，时间不变。", "孙丽"),
        ("zh", "合同加付款节点那条负责人换成工艺员孙丽，周婷是执行的，时间不变。", "孙丽"),
        ("en", "The payment terms rewrite goes to Priya. Nina helps. Same date.", "Priya"),
    ],
)
def test_a_helper_named_beside_the_new_owner_changes_nothing(language: str, text: str, who: str) -> None:
    coach = _two_actions(language)
    first = coach.last.review.actions[0]
    result = coach.say(text)
    assert len(result.review.actions) == 2
    assert result.review.actions[1].who == who and result.review.actions[0] == first


@pytest.mark.parametrize(
    ("language", "text", "who"),
    [
        ("zh", "行动：报价差异整理成报告，我来，陈立平，10月15日前。", "陈立平"),
        ("zh", "行动：来料标准重写，我牵头，11月15日前。", "葛文斌"),
        ("zh", "行动：小单合并排产规则，计划员鲍琳，两周内。", "鲍琳"),
        ("zh", "行动：新仪器参数培训，仪器管理员闵涛，下周三前。", "闵涛"),
        ("zh", "行动：航线规划教程，贝晓宇，8月底前。", "贝晓宇"),
        ("en", "Actions: 1. Bending machine service contract: me, next Friday", "Conor Walsh"),
        # an item that opens on a verb names no one by it; "me again" is the one typing
        ("en", "Actions: Talk to the Forestry people about grading, me again, by October 30.", "Conor Walsh"),
        ("zh", "行动：跟林业站谈原木分级，还是我，10月30日前。", "葛文斌"),
        ("en", "Actions: the price gap report, me, Leona Fisk, by October 15.", "Leona Fisk"),
    ],
)
def test_a_name_said_beside_me_is_the_owner(language: str, text: str, who: str) -> None:
    coach = Coaching(language=language)  # type: ignore[arg-type]
    coach.say(INTRO[language])
    coach.script(
        *(TO_ACTIONS_ZH if language == "zh" else TO_ACTIONS_EN), "跳过" if language == "zh" else "skip"
    )
    (action,) = coach.say(text).review.actions
    assert action.who == who
