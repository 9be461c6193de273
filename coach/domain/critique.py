"""Judge what people answer: vague plans, cause depth, symptoms, intents, yes/no — in Chinese and English.

Pure and deterministic; the rules coach asks its follow-up questions from these verdicts.
The words found anywhere in an answer (vague, concrete, root, cause, symptom, external, closing) are the
language files' lists (coach/domain/reading/words/); the whole-message answers (skip, finish, yes/no, …) are
patterns of their own, still here.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from coach.domain.reading import cues

CauseLevel = Literal["phenomenon", "surface", "root"]

_EDGE_PUNCT = " \t\r\n.,!?;:~…。，！？；：、\"'“”‘’()（）[]【】《》<>-—_*#`"


def normalize(text: str) -> str:
    """Lower-case, trimmed of spaces, punctuation and emoji at both ends."""
    text = (text or "").strip().lower()
    text = re.sub(r"^[^\w\u4e00-\u9fff@]+|[^\w\u4e00-\u9fff%]+$", "", text)
    return text.strip(_EDGE_PUNCT)


def _full(patterns: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:{patterns})$", re.I)


# ---- vague plans ------------------------------------------------------------------------------

_VAGUE = cues.words_pattern("vague_how")
_CONCRETE = re.compile(rf"\d|{cues.alternatives('concrete_how')}", re.I)


def is_vague_how(text: str) -> bool:
    """A 'how' naming an attitude ("加强沟通", "be more careful"), no concrete act, number, date or tool."""
    body = normalize(text)
    if not body:
        return True
    if _CONCRETE.search(body):
        return False
    if _VAGUE.search(body):
        return True
    # Too short to be a key action ("沟通", "improve").
    return len(body) < (4 if re.search(r"[\u4e00-\u9fff]", body) else 10)


# ---- cause depth ------------------------------------------------------------------------------

_ROOT = cues.words_pattern("cause_root")
_SURFACE = cues.words_pattern("cause_given")
_SYMPTOM = cues.words_pattern("symptom")


def is_symptom(text: str) -> bool:
    """An observed outcome ("回款慢了", "sales dropped") with no cause in it."""
    body = normalize(text)
    return bool(_SYMPTOM.search(body)) and not _SURFACE.search(body) and not _ROOT.search(body)


def cause_level(text: str, depth: int) -> CauseLevel:
    """Where an answer to 'why?' sits: cue words first, then how many whys deep it came (1-based)."""
    body = normalize(text)
    if _ROOT.search(body):
        return "root"
    if depth <= 1 and is_symptom(body):
        return "phenomenon"
    if depth >= 4:
        return "root"
    return "surface"


# ---- intents ----------------------------------------------------------------------------------

_POLITE = r"(吧|啊|呀|吗|了|哈|嘛|please|pls|now)?"
_SKIP = _full(
    rf"(跳过|先跳过|跳过这(一步|个|条|题|环节|部分)?|下一步|下一题|过|pass|skip"
    rf"|skip (it|this|this one|this step)"
    rf"|next|next step|move on|let'?s move on){_POLITE}"
)
_BACK = re.compile(
    r"^(回到上一步|返回上一步|上一步|返回|退回|回去|后退|回到.{1,6}|返回.{1,6}|重新.{0,2}(回顾|分析|反思|总结|行动))$|"
    r"^(go )?back( to .{1,20})?( please)?$|^previous( step)?$|^undo step$",
    re.I,
)
_STATUS = re.compile(
    r"到哪(了|一步|儿了)?|现在.{0,2}(第几步|哪一步|哪个阶段)|还剩(几步|多少)|"
    # "进度" asked about, not a finding named "进度" ("不足就是进度，还有…", "进度落后主要是…")
    r"^(看看|看下|查看|当前|现在|我们)?的?进度(如何|怎么样了?|呢|到哪了?)?[?？。!！]*$|"
    r"\bwhere are we\b|^(what'?s )?(the |our )?(progress|status)( so far| now)?[?.!]*$"
    r"|\bwhat step\b|\bhow far\b",
    re.I,
)
_SUMMARY = _full(
    r"(看看|看下|看一下|给我|显示|展示|出个|生成)?(总结|小结|汇总|摘要|目前的?总结)(一下)?(吧)?|"
    r"(show|give me|see)( me)?( the)? summary|summary|summari[sz]e( so far)?|recap"
)
# "please" may come before or after the words, as in "wrap up please", "请结束吧"
_FINISH = _full(
    r"(?:please\s+|请)?(?:"
    r"(今天|那|好|好的|ok)?[，,\s]*(就)?(先)?(结束|完成|结束复盘|完成复盘|复盘结束|就到这(里|儿)?|先到这(里|儿)?|到此为止|可以了?结束|我们结束吧?)"
    rf"{_POLITE}|finish|finish( the)? review|end( the)? review"
    rf"|end|done|we'?re done( here)?|wrap up|let'?s wrap up"
    r"|that'?s it for today|(we )?can stop here"
    r")(?:[\s,]+(?:please|pls))?"
)
_UNQUANTIFIABLE = cues.words_pattern("unquantifiable")


def wants_skip(text: str) -> bool:
    """'跳过', '下一步', 'skip', 'next'."""
    return bool(_SKIP.match(normalize(text)))


def wants_back(text: str) -> bool:
    """'回到上一步', '返回', '回到回顾', 'go back', 'back to goals'."""
    return bool(_BACK.match(normalize(text)))


def wants_status(text: str) -> bool:
    """'到哪了', '进度', 'where are we'."""
    body = normalize(text)
    return len(body) <= 30 and bool(_STATUS.search(body))


def wants_summary(text: str) -> bool:
    """'总结', '看看总结', 'show summary'."""
    return bool(_SUMMARY.match(normalize(text)))


# Words that only lead up to a finish ("好，今天就到这，结束", "That's the lot. Finish."): no content.
_FINISH_LEAD = _full(
    r"好|好的|好了|行|行了|嗯|可以|那就这样|就这样|谢谢|辛苦了|没有了?|没了|没别的了?|没有别的了?|就这些|"
    r"(今天|那)?(就)?(先)?(到这(里|儿)?|到此为止)(吧)?|"
    r"ok|okay|alright|all right|right|great|good|thanks|thank you|no more|nothing else|"
    r"that(?:'?s| is) (all|it|the lot|everything)( for today)?"
)
_CLAUSE_BREAK = re.compile(r"\s*[，,。.!！;；]+\s*")
# A closing sentence after the content ("…，10月底前。好了，结束吧。"): it must say end, not "完成"/"done",
# which close many an action's own sentence.
_CLOSING = cues.words_pattern("closing_end")
_SENTENCE_END = re.compile(r"(?<=[。！!？?])|(?<=[a-z0-9)]\.)\s+", re.I)


def wants_finish(text: str) -> bool:
    """'结束', '完成', 'finish', 'done' (the whole message, so '完成了一半' is not a finish).

    Lead-in words that hold no content may come first: '行，结束', '没别的了，结束', "That's the lot. Finish."
    """
    body = normalize(text)
    if _FINISH.match(body):
        return True
    clauses = [c for c in _CLAUSE_BREAK.split(body) if c]
    return (
        len(clauses) > 1
        and bool(_FINISH.match(clauses[-1]))
        and all(_FINISH_LEAD.match(c) for c in clauses[:-1])
    )


def is_bare_finish(text: str) -> bool:
    """'结束', 'finish' with no lead-in words."""
    return bool(_FINISH.match(normalize(text)))


def without_closing(text: str) -> str | None:
    """The content before a closing sentence ('…，10月底前。好了，结束吧。'), or None when there is none."""
    sentences = [s for s in _SENTENCE_END.split(text.strip()) if s and s.strip()]
    if len(sentences) < 2 or wants_finish(text):
        return None
    last = sentences[-1]
    if not (_CLOSING.search(last) and wants_finish(last)):
        return None
    text = text.strip()
    return text[: text.rfind(last)].strip() or None


def is_unquantifiable(text: str) -> bool:
    """'无法量化', "can't quantify", 'not measurable'."""
    return bool(_UNQUANTIFIABLE.search(normalize(text)))


# ---- yes / no ---------------------------------------------------------------------------------

_NO = re.compile(
    r"^(不是|不对|不(?!错)|没有|没(?!错|问题)|否|不算|不太是|不完全是|还不是|还没|算不上|不行|错)|"
    r"^(no|nope|nah|not really|not yet|not quite|wrong|negative)\b|\bisn'?t\b|\bnot (the|a) root",
    re.I,
)
_YES = re.compile(
    r"^(是|对|没错|确认|嗯|好|好的|可以|行|同意|是的|对的|是啊|对啊|当然|算是|确定|没问题|ok|okay|yes|yep|yeah|"
    r"right|correct|sure|exactly|confirm(ed)?|agreed?|indeed|that'?s (it|right))"
    r"(?=$|[\s,，。.!！、]|[了的啊呀吧])",  # "嗯…这个" hesitates, "嗯，对" agrees
    re.I,
)


def is_no(text: str) -> bool:
    """A negative answer ('不是', '不对', 'no', 'not really')."""
    return bool(_NO.search(normalize(text)))


def is_yes(text: str) -> bool:
    """A positive answer ('是', '对', '确认', 'yes', 'correct') that is not a negative one."""
    body = normalize(text)
    return bool(_YES.match(body)) and not is_no(body)


# ---- drill-down answers that are not a deeper why ------------------------------------------

_ROOT_CONFIRMED = re.compile(
    r"^(对|是|嗯|好)?[，,\s]*(这|这个|这就|就)?(是|就是)?(根因|根本原因)(了|吧|没错)?$|"
    r"^(yes|yeah|yep|right)?[,.\s]*(that'?s |it'?s )?(the )?root cause( it is)?$",
    re.I,
)
_NONE_MORE = re.compile(
    r"^(都|也|暂时|真)?(没有?|无)(别的|其他的?|更多的?|什么|下一位)?(亮点|不足|原因|问题|的|可说的|要补充的)?(了|啊|吧|呀)*$|"
    r"^(就这些|就这样|别的没有)(了|啊|吧)*$|"
    r"^(no|none|nope|nothing|nothing else|nothing more|that'?s (all|it)|no others?|"
    r"no (more|other)( highlights?| shortfalls?| causes?| reasons?)?)$",
    re.I,
)


_ROOT_AGREE = re.compile(
    r"^(对|是|嗯|没错|确实|确定|同意|就是|正是|对的|是的|没毛病|yes|yeah|yep|right|exactly|correct|agreed|indeed|"
    r"that'?s (it|right|the one)|bingo)|根本|根因|根源|就是(这|它|这个|那个)|就这个|说到点子上|\broot\b|"
    r"\bthat'?s (it|the one)\b",
    re.I,
)


_AGREE_WORDS = re.compile(
    r"对的|是的|对|是|嗯|没错|确实|确定|同意|就是|正是|没毛病|这个|那个|这|那|它|就|了|吧|啊|呀|的|说到点子上|"
    r"根本原因|根本|根因|根源|原因|主因|yes|yeah|yep|right|exactly|correct|agreed|indeed|that'?s|that|this|it'?s|"
    r"it|is|the|one|root|cause|bingo|[\s,，.。!！]",
    re.I,
)


def confirms_root(text: str) -> bool:
    """'是根因', '对，就是这个', '没错这是根本', 'yes that's the root' — the last answer is the root cause.

    A short agreement (up to 24 characters, no negation) that names the root or agrees outright."""
    body = normalize(text)
    if _ROOT_CONFIRMED.match(body):
        return True
    if not body or len(body) > 24 or is_no(body) or re.search(r"因为|由于|\bbecause\b", body):
        return False
    if not _ROOT_AGREE.search(body):
        return False
    # nothing new besides the agreement: "根本原因是没有灰度机制" names a cause, it does not confirm one
    rest = _AGREE_WORDS.sub(" ", body)
    return len(re.findall(r"[\u4e00-\u9fff]", rest)) <= 2 and len(re.findall(r"[a-z]{2,}", rest)) <= 1


def is_none_more(text: str) -> bool:
    """'没了', '没有别的原因了', '没别的亮点了', 'none', 'nothing else' — nothing more to add."""
    return bool(_NONE_MORE.match(normalize(text)))


def says_none(text: str) -> bool:
    """An item that names no finding: "没有", "none really", or only says the thing was never done
    ("一直没做", "we didn't": a remark on the item before)."""
    return bool(cues.no_finding().match(text.strip(" \t。.!！")))


def is_chitchat(text: str) -> bool:
    """A side remark ("下周团建去哪还没定", "btw the office move…", "大家五一都休息好了吧？"), not a finding
    and no KPI; its words are the language files' `chitchat` lists."""
    body = normalize(text)
    return len(body) <= 60 and bool(cues.words_pattern("chitchat").search(body))


# ---- meta-talk: help, "I already said", "that's external" -------------------------------------

_HELP = _full(
    r"/?help|/\?|\?|？|帮助|求助|怎么用|怎么玩|有什么命令|有哪些命令|命令|我该说什么|我该怎么说|不知道怎么(用|说)"
    r"|how does this work|what can i (say|do)|commands|usage"
)
_ALREADY_SAID = re.compile(
    r"^(?:(?:我)?(?:刚(?:刚|才)?|已经|前面|之前|上面)(?:都)?(?:说|讲|提)(?:过|了)+(?:的)?(?:啊|呀|嘛|呢)?"
    r"|我(?:都)?(?:说|讲)过了"
    r"|(?i:(?:i\s+)?(?:already|just)\s+(?:said|told you|mentioned)(?:\s+(?:that|it|this))?|as i said))"
    r"[\s,，:：;；。.!！-]*"
)
_EXTERNAL = cues.words_pattern("external_cause")


def wants_help(text: str) -> bool:
    """'/help', '帮助', '怎么用', 'what can I say'."""
    return bool(_HELP.match(normalize(text) or text.strip()))


def without_already_said(text: str) -> str:
    """'刚说了，付款条款是验收后90天' → '付款条款是验收后90天'; the text itself when there is no such lead."""
    return _ALREADY_SAID.sub("", text.strip(), count=1).strip()


def is_external(text: str) -> bool:
    """'这个是外部的，不用挖了', '不可控', 'out of our control': a cause outside the team's reach."""
    return bool(_EXTERNAL.search(text))


def without_external(text: str) -> str:
    """The cause words left once the 'external / no need to dig' remark is taken out."""
    rest = _EXTERNAL.sub(" ", text)
    rest = re.sub(
        r"(这个|这|那个|it'?s|it is|this is|that'?s|(?:it|this|that) was)\s*(是|的)?", " ", rest, flags=re.I
    )
    rest = re.sub(r"(导致|造成|引起)的?(?=[\s，,。.;；!！]|$)", " ", rest)  # "政策变化导致的" -> "政策变化"
    return " ".join(re.split(r"[\s，,。.;；!！]+", rest)).strip()


_UNDO_WORDS = (
    r"撤销|撤回|撤销(一下|上一步|上一条|刚才的?(那条)?)"
    r"|undo|undo (that|it|the last (one|change))|revert( that)?"
)
_UNDO = _full(_UNDO_WORDS)
# "undo that, we'll fold triage into the blitz": the undo, then why (no colon: "Undo: …" heads content)
# said bare, "undo" / "revert" may head a terse action ("revert, Tom, Friday"): with a reason, it points back
_UNDO_THEN_WHY = re.compile(
    r"^(?:(?:算了|好吧|不对|actually|never mind|oh)\s*[，,]?\s*)?"  # "算了，撤销，其他线路不归我们管"
    r"(?:撤销|撤回|撤销(?:一下|上一步|上一条|刚才的?(?:那条)?)"
    r"|(?:undo|revert) (?:that|it|the last (?:one|change)))\s*[，,。.;；!！—]+\s*(?P<why>.+)$",
    re.I,
)


def wants_undo(text: str) -> bool:
    """'撤销', '撤回', 'undo': take back the last fact filed; also with the reason after it ("undo that, we'll
    fold it into the blitz", "撤销，这条并到培训里"), unless the rest asks for more ("undo that and add …",
    "撤销，改成王磊"): that is an edit, not an undo."""
    said = normalize(text)
    if _UNDO.match(said):
        return True
    then = _UNDO_THEN_WHY.match(said)
    return then is not None and not _asks_more().search(then.group("why"))


def undo_reason(text: str) -> str | None:
    """The reason said after an undo ("undo that, the bonus isn't ours to decide" → "the bonus isn't ours
    to decide"); None for an undo said bare or for no undo."""
    then = _UNDO_THEN_WHY.match(normalize(text))
    return then.group("why") if then is not None and wants_undo(text) else None


@cache
def _asks_more() -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z])(?:{cues.alternatives('undo_then_more')})(?![a-z])", re.I)
