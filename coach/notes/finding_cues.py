"""Cue words that make an unheaded statement a finding: a verdict for what went wrong, plain praise for what
went well; and a share said on its own, which weighs a cause and is no finding.

With no heading or announced topic one word is weak evidence: "没有", "问题", "behind" are told in every
background and cause sentence, "不错", "great" in every remark on a number. The phrases are per-language
data (coach/notes/words/)."""

from __future__ import annotations

import re
from functools import cache

from coach.notes import cues
from coach.notes.cause_statement import share_of
from coach.notes.wordlists import phrases


def tells_a_miss(text: str) -> bool:
    """ "室温不达标集中在老旧小区", "We fell short of the target": a verdict word says it went wrong; a word
    for trouble alone ("没有应急额度", "queued behind each other", "The bigger problem is …") does not.
    "客户投诉比上月多了一倍", "Churn went up again": more of a bad thing is a verdict too."""
    return phrases("shortfall_verdict").search(text) is not None or _more_of_a_bad_thing(text)


_RISE_WITHIN = (
    12  # "投诉比上月多了一倍", "complaints in the SMB segment went up": the rise follows its measure
)


def _more_of_a_bad_thing(text: str) -> bool:
    bad = phrases("bad_measure").search(text)
    if bad is None or phrases("praise").search(text) or cues.HIGHLIGHT.search(text):
        return False  # "去年投诉很多，今年好多了": the words end on it going better
    rise = phrases("bad_rise").search(text, bad.end(), bad.end() + _RISE_WITHIN + 20)
    return (
        rise is not None
        and len(_WORD.findall(text[bad.end() : rise.start()])) <= 4
        and (len(_CJK.findall(text[bad.end() : rise.start()])) <= _RISE_WITHIN)
    )


_THANKS = re.compile(r"\bthank|\bcheers\b|谢谢|感谢|辛苦", re.I)
_NEGATED = re.compile(r"(?:[没不未]有?|没能|\b(?:not|never|no)\s+|n't\s+)$", re.I)


def praises_plainly(text: str) -> bool:
    """ "老客召回短信，转化率翻了一倍", "Sign-up slots worked": a word of praise, not denied ("质量没守住"),
    not beside a word for trouble ("营收不错，卫生间是丢分的" sums up both), not a guest's praise of the team
    ("你们这块做得不错")."""
    m = cues.HIGHLIGHT.search(text) or phrases("praise").search(text)
    if m is None or _NEGATED.search(text[: m.start()]):
        return False
    short = len(_WORD.findall(text)) <= 6 and len(_CJK.findall(text)) <= 12
    if short and _THANKS.search(text):
        return False  # "Great, thanks all.", "好，辛苦大家": a closing word, not what went well
    return cues.SHORTFALL.search(text) is None and phrases("praise_from_outside").search(text) is None


_WORD = re.compile(r"[A-Za-z']+")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def is_bare_share(text: str) -> bool:
    """ "Three-quarters, maybe a bit more.", "我看七成。": a share and hardly more, the weight of a cause told
    before it ("客单价高，是因为…大部分人选中间那档" says more and is no bare share)."""
    short = len(_WORD.findall(text)) <= 6 and len(_CJK.findall(text)) <= 10
    return short and (share_of(text.lower()) is not None or cues.MAIN_CAUSE.search(text) is not None)


@cache
def _headline_shapes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "<finding>，是今天谈得最多的", "<finding> were the story of the month", built once from the words."""
    remark = phrases("headline_remark").pattern
    return (
        re.compile(rf"^(?P<head>[^，,。；;]{{2,14}}?)[，,]?\s*(?:{remark})"),
        re.compile(rf"^(?P<head>[A-Z][^,;:.]{{2,60}}?)\s+(?:{remark})", re.I),
    )


def headline_finding(text: str) -> str | None:
    """ "一次修复率低，是今天谈得最多的。", "The low fills were the story of the month.": the finding a note
    puts first, said to be what the meeting was most about; None when the words name no miss ("Conversion
    was the story of the month") or praise it."""
    if cues.HIGHLIGHT.search(text) or phrases("praise").search(text):
        return None
    for shape in _headline_shapes():
        m = shape.match(text.strip())
        if m is None:
            continue
        head = m.group("head").strip()
        finding = phrases("finding_end")
        told = finding.search(head) if head.isascii() else re.search(rf"(?:{finding.pattern})$", head)
        return head if told else None
    return None


@cache
def _began_shapes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "The delays started on 6 July", "投诉从3月5号开始增多": a bad thing, and the day it began."""
    bad = phrases("bad_measure").pattern
    return (
        re.compile(rf"^(?:the\s+|our\s+)?(?:[\w-]+\s+){{0,2}}?(?:{bad})\s+(?:started|began)\b", re.I),
        re.compile(rf"^[^，,。；;]{{0,8}}?(?:{bad})[^，,。；;]{{0,4}}?从[^，,。；;]{{2,10}}?(?:开始|起)"),
    )


def began_finding(text: str) -> str | None:
    """ "The delays started on 6 July.", "投诉从3月5号开始增多。": a paragraph's opening that says when a bad
    thing began names it (the sentence, said as it is); None for anything else."""
    if phrases("went_down").search(text):
        return None  # "投诉从3月5号开始下降", "Complaints started to fall": it began to go well
    if any(shape.match(text.strip()) for shape in _began_shapes()):
        return text.strip().rstrip(".。")
    return None


def says_how_it_went(text: str) -> bool:
    """ "外卖单量差得也多", "转化率偏低": Chinese words that end on how something went (高, 低, 多, 差 …)."""
    words = text.strip().rstrip("。.!！")
    return (
        not words.isascii() and re.search(rf"(?:{phrases('told_finding_end').pattern})$", words) is not None
    )


def went_badly(head: str) -> bool:
    """ "加油等待长", "增项收入没完成", "投诉多": Chinese words that say it went badly. "满意度高", "客流多"
    end on a word that is good or bad by the measure: only a measure bad to have more of makes it a miss."""
    bad = phrases("bad_measure").search(head) is not None
    if bad and re.search(rf"(?:{phrases('went_down').pattern})$", head):
        return False  # "投诉下降", "退货少了": less of a bad thing went well
    return bad or re.search(rf"(?:{phrases('told_miss_end').pattern})$", head) is not None


def reason_points_back(text: str) -> bool:
    """ "Tonnes short because of it.", "产量也少了，就是因为这个": the reason only points to the finding told
    before; the sentence is another finding, not a cause of its own."""
    body = text.strip().rstrip(" .。!！")
    return re.search(rf"(?:{phrases('reason_points_back').pattern})$", body, re.I) is not None
