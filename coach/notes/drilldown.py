"""How a drill-down told as a story marks its steps: "on the surface …", "but deeper …", "X has a simpler
explanation", "these two we can't control". The cue phrases are per-language data (coach/notes/words/).
"""

from __future__ import annotations

import re
from functools import cache

from coach.notes import cues
from coach.notes.wordlists import phrases

# "But", "so", "对，" … in front of a step marker say nothing about the step
CONNECTIVE = re.compile(
    r"^(?:(?:对|嗯|所以|其实|但是?|而|那么?|我觉得|我认为|so|and|but|actually|I think)[，,]?\s*)+", re.I
)
# "黄志强先讲，" / "Maria said," in front of a cause names who tells it, not what it is
# a role or team may come before the name: "二分公司调度长孙海涛接着说，", "品控部许蕾补充，",
# "Ops manager Tom said,"
_TELLER = re.compile(
    r"^(?:(?:[\u4e00-\u9fff]{1,8}?(?:长|主任|经理|主管|总监|科|部|组|处|室))?"
    r"(?P<cn>[\u4e00-\u9fff]{2,4}?)(?:接着说|接着讲|先讲|先说|讲|说|认为|提到|补充说|补充)"
    r"|(?:[A-Za-z]+\s+){0,3}?(?P<en>[A-Z][a-z]+) (?:said|says|thinks|added|started|answered|replied))"
    r"[，,:：]\s*"
)
_LEFTOVER = " ，,。.;；:：是"


def _words(text: str) -> int:
    return len(re.findall(r"[A-Za-z']+", text)) + len(re.findall(r"[\u4e00-\u9fff]", text)) // 2


def without_teller(text: str) -> str:
    """The statement without "X说，" / "Maria said," in front."""
    return _TELLER.sub("", text.strip())


def teller(text: str) -> str | None:
    """Who a statement says tells it ("马骁补充，…" → 马骁, "坏果率高，何磊认为…" → 何磊), if it says."""
    m = _TELLER.match(text.strip())
    if m is not None:
        return m["cn"] or m["en"]
    told = told_about(text)
    return told[1] if told else None


@cache
def _told_pattern() -> re.Pattern[str]:
    verbs = phrases("teller_verb").pattern
    return re.compile(
        r"^(?P<seen>[^，,。:：;；]{2,24}?)[，,]\s*(?P<teller>[\u4e00-\u9fff]{2,3}|[A-Z][a-z]+)\s*"
        + verbs
        + r"(?:\s*(?:that|是|，|,|:|：))?\s*(?P<rest>\S.*)$",
        re.I,
    )


def told_about(text: str) -> tuple[str, str, str] | None:
    """(what was seen, who tells, the cause) for "坏果率高，何磊认为主要跟包装有关" / "Returns rose, Ana said,
    because …": a finding named first, then a person's account of its cause."""
    m = _told_pattern().match(text.strip())
    if m is None:
        return None
    return m.group("seen").strip(), m.group("teller"), m.group("rest").strip()


def surface_split(text: str) -> tuple[str, str] | None:
    """(what was seen, the surface cause) for "开店少，表面上看是证照办得慢" / "On the surface, the pot was
    smaller"; the first part is empty when the statement opens with the marker."""
    body = without_teller(text)
    m = phrases("cause_surface").search(body)
    if m is None:
        return None
    return body[: m.start()].strip(_LEFTOVER), body[m.end() :].strip(_LEFTOVER)


def deeper_step(text: str) -> str | None:
    """The words of a step one level down ("往下追，是主播走了" → "主播走了", "But the real problem sits
    deeper." → ""); None when the statement does not go deeper."""
    deeper = phrases("cause_deeper", anchored=True)
    # "再往下说，" looks like "X说，": try the words as they stand before dropping a teller
    for body in (CONNECTIVE.sub("", text.strip()), CONNECTIVE.sub("", without_teller(text))):
        m = deeper.match(body)
        if m is not None:
            break
    else:
        return None
    rest = re.sub(r"^(?:is|was|lies|lay)\s+(?:that\s+)?", "", body[m.end() :].strip(_LEFTOVER), flags=re.I)
    # "… sits deeper", "… lies elsewhere" only announce the next sentence
    return "" if _words(rest) <= 3 and not re.search(r"\d", rest) else rest


# "Lena asked why …", "Tom picked it up from there: …", "王芳问为什么…": a name, then the words
_NAMED = r"^(?:[A-Z][a-z]+|[\u4e00-\u9fff]{2,3})\s*"


def reports_why(text: str) -> bool:
    """ "Lena asked why the mix is off.", "王芳追问为什么会串色。": a why-question told as what someone asked,
    no cause of its own; the answer after it is one level down the cause told before."""
    m = re.match(_NAMED + f"(?:{phrases('reported_why').pattern})", text.strip(), re.I)
    return m is not None and not cues.CAUSE.search(text)


def drill_goes_on(text: str) -> bool:
    """ "Tom picked it up from there: …", "孙海涛接着往下说，…": another person takes the drill-down one level
    further."""
    return re.match(_NAMED + f"(?:{phrases('drill_goes_on').pattern})", text.strip(), re.I) is not None


def introduces_causes(text: str) -> bool:
    """ "The empty shifts have a simpler explanation.", "回款慢原因有两个。": names what the next statement
    explains, and explains nothing itself."""
    m = phrases("cause_intro").search(text)
    if m is None or cues.CAUSE.search(text):
        return False
    follows = text[m.end() :].strip()
    states_it = re.match(r"^(?:is|was|:|：|是|就是)", follows) is not None
    return not states_it and _words(text) <= 12


def phenomenon_told(text: str) -> str | None:
    """ "姚敏先说现象：B超门口挤满人", "Maria first described what we saw: …": what was seen, told before
    anyone says why (the words after the lead); None for any other statement."""
    if _BREAKDOWN.search(text) and not cues.CAUSE.search(text):
        return text.strip()  # "鉴定差错的5起里，有3起是把高仿包当成了正品": how many of them were what
    m = phrases("phenomenon_lead").search(text)
    if m is None or m.start() > _TELLER_ROOM or cues.CAUSE.search(text):
        return None
    rest = re.sub(r"^\s*[:：，,]\s*", "", text[m.end() :]).strip()
    return rest or None


# "5起里，有3起…", "Of the 5 errors, 3 were …": a count broken down, what was seen before the why
_BREAKDOWN = re.compile(
    r"(\d+|[两三四五六七八九十]+)\s*([起件次个单例台辆])(?:里|中|当中)[，,]?\s*(?:有|其中)?\s*[\d一两三四五六七八九十]+\s*\2"
    r"|\b(?:of|out of)\s+(?:the|those|these)\s+\d+\s+[a-z-]+,\s*\d+\s+(?:were|was|came|had)\b",
    re.I,
)
_TELLER_ROOM = 16  # "调度科刘敏先说了现象": who tells it, and a role, before the lead


def remarks_on_causes(text: str) -> bool:
    """ "这两条我们控制不了", "Both of these were outside our control", "The rest is weather days.": a
    remark on the causes just named. A remainder told with its detail ("The rest is sickness, we had the
    flu wave in the second week", "剩下的是刀片崩口，供应商这批刀片质量不行") is a cause of its own."""
    body = CONNECTIVE.sub("", text.strip())
    if cues.CAUSE.search(text):
        return False
    if phrases("causes_remark", anchored=True).match(body) is not None:
        return True
    remainder = phrases("causes_remainder", anchored=True).match(body)
    return remainder is not None and not re.search(r"[,，;；]", body[remainder.end() :].strip(" ,，"))


def tells_remainder(text: str) -> bool:
    """ "The rest is sickness, we had the flu wave in the second week", "剩下的是刀片崩口，…": the rest of the
    gap named with its detail, a cause of its own."""
    body = CONNECTIVE.sub("", text.strip())
    remainder = phrases("causes_remainder", anchored=True).match(body)
    return remainder is not None and not remarks_on_causes(text)


def is_undecided(text: str) -> bool:
    """ "县里明年可能有补贴，这个还没有定": news not yet settled explains nothing that happened."""
    return phrases("undecided").search(text) is not None and not cues.CAUSE.search(text)


def starts_separate_cause(text: str) -> bool:
    """ "另外…", "此外…", "Part of the gap also came from …": a cause beside the chain, not under it."""
    body = CONNECTIVE.sub("", without_teller(text))
    return _SEPARATE.match(body) is not None or _ALSO.search(body[:40]) is not None


_SEPARATE = re.compile(r"^(?:另外|此外|还有|其次|另一|[一二三]是|also\b|another\b|part of\b|besides\b)", re.I)
_ALSO = re.compile(r"\balso\b|也有|也是", re.I)


def why_about(text: str) -> str | None:
    """The question of "Why did errors double? Because …" (a step of a five-whys), None for no such lead."""
    body = re.sub(r"^\d{1,2}[.、)]\s*", "", CONNECTIVE.sub("", without_teller(text)))
    body = re.sub(
        r"^why\s*\d{1,2}\s*[:：.、]\s*", "", body, flags=re.I
    )  # "Why2: …", "Why 3：…" number the steps
    m = phrases("why_question", anchored=True).match(body)
    if m is None:
        return None
    end = re.search(r"[?？]", body[m.end() :])
    if end is None:
        return None
    # "为什么会调低？" asks about "调低", "为什么老超标？" about "超标": the modal or the "again and again"
    # before the verb is not what was said
    return re.sub(r"^(?:会|要|还|又|就|老是|总是|老|总|一直|经常)", "", body[m.end() : m.end() + end.start()])


def stems(text: str) -> set[str]:
    """Content words: English stems (first five letters of words of four or more) and Chinese bigrams."""
    return _stems(text)


def _stems(text: str) -> set[str]:
    han = re.sub(r"[^\u4e00-\u9fff]", "", text)
    latin = {w[:5].lower() for w in re.findall(r"[A-Za-z]{4,}", text)}
    return latin | {han[k : k + 2] for k in range(len(han) - 1)}


def asks_about(question: str, answer: str) -> bool:
    """ "Why did errors double?" after "… because checkout errors doubled", "为什么低估？" after "…低估": a
    why-question about the answer just given (it repeats its words or points back at it)."""
    back = phrases("question_back_reference")
    points_back = back.search(question) is not None and len(question) <= 40
    asked = _stems(question)
    shared = len(asked & _stems(answer))
    # "为什么没换？" after "…一直没换": a short question repeats what it asks about in full
    return points_back or shared >= 2 or (0 < len(asked) <= 2 and shared == len(asked))


def shared_stems(a: str, b: str) -> int:
    """Content words two texts share: English stems (first five letters) and Chinese bigrams."""
    return len(_stems(a) & _stems(b))
