"""Section names of a note: headings and spoken topic cues mapped to the method's parts."""

from __future__ import annotations

import re
from typing import Literal, cast

from coach.notes.vocabulary import grouped

Section = Literal["goal", "highlight", "shortfall", "cause", "lesson", "action", "reflection", "other"]

# Checked in order: "经验教训" must be a lesson before "结果" could claim "总结". The words of each part are
# per-language data (coach/notes/words/ `heading_word`).
_HEADING_ORDER: tuple[Section, ...] = (
    "reflection",
    "lesson",
    "action",
    "cause",
    "shortfall",
    "highlight",
    "goal",
)
_HEADING_WORDS: tuple[tuple[Section, tuple[str, ...]], ...] = tuple(
    (section, grouped("heading_word").get(section, ())) for section in _HEADING_ORDER
)

_NUMBERING = re.compile(
    r"^\s*(#+|第?[一二三四五六七八九十]+[、.．]|\d+[、.．)]|[（(][一二三四五六七八九十\d]+[)）]|\*\*)\s*"
)
_BRACKETS = re.compile(r"[（(][^）)]*[)）]")


# Keep/Stop/Start headings group lessons by what to do with them ("## Stop", "继续做", "Start / Stop")
_KSS_HEADING = re.compile(
    r"^(?:(?:do\s+)?(?:keep|stop|start|continue|more\s+of|less\s+of)(?:\s+doing)?|继续|停止|保持|新增|坚持)"
    r"(?:做|下去|的|做的)?(?:\s*[/|｜,，、&·+-]\s*.*)?$",
    re.I,
)


def heading_section(heading: str) -> Section:
    """The section a heading opens; `other` for headings that name none of the method's parts."""
    text = _BRACKETS.sub("", _NUMBERING.sub("", heading)).strip(" *:：#").lower()
    if _KSS_HEADING.match(text):
        return "lesson"
    for section, words in _HEADING_WORDS:
        if any(word in text for word in words):
            return section
    return "other"


# A topic named as the start of a spoken passage: "先说亮点", "不足我先说", "我总结几条教训", "行动：".
_TOPIC_SECTION: dict[str, Section] = {
    word: cast(Section, section) for section, words in grouped("spoken_topic").items() for word in words
}
_TOPIC = re.compile(
    r"^(?:好[，,]?\s*)?(?:先|再|我)?(?:说说?|聊聊?|看看?|过一下|总结(?:一下|几条)?|补充)?(?:一下)?"
    r"("
    + "|".join(sorted((re.escape(word) for word in _TOPIC_SECTION), key=len, reverse=True))
    + r")(?:的话|我先说|方面|部分|几条)?(?:[：:，,。]|——|$)"
)
_EN_TOPIC = re.compile(
    r"^(?:ok(?:ay)?,?\s*)?(?:let'?s\s+(?:talk about|go to|move to|start with)|(?:now|next),?\s*)?\s*"
    r"(what went well|highlights?|wins|what went wrong|problems|issues|root causes?|lessons?|learnings|"
    r"action items|actions|next steps)\b",
    re.I,
)


def spoken_topic(sentence: str) -> Section | None:
    """The section a spoken sentence announces ("先说亮点", "lessons:"), if it announces one."""
    if re.search(r"问题(?:在哪|出在)|what went wrong", sentence, re.I):
        return "shortfall"
    for clause in re.split(r"[，,。；;]", sentence):
        m = _TOPIC.search(clause.strip())
        if m:
            return _TOPIC_SECTION[m.group(1)]
    m = _EN_TOPIC.search(sentence.strip())
    if m:
        return heading_section(m.group(1))
    return None


# An inline label at the start of a line: "目标：回款目标1.2亿，实际完成9600万", "不足：…", "Action: …".
# English labels need the colon; a longer word ("Goals and results:") is a heading, not a label.
# The labels are per-language data (coach/notes/words/ `inline_label`).
_LABELS: dict[str, Section] = {
    label: cast(Section, section) for section, labels in grouped("inline_label").items() for label in labels
}
_LABEL = re.compile(
    r"^(?:[【\[]\s*)?(?P<label>"
    + "|".join(sorted((re.escape(k) for k in _LABELS), key=len, reverse=True))
    + r")(?:s)?\s*(?:[】\]]\s*[:：]?|[:：])\s*(?=\S)",
    re.I,
)


def inline_label(text: str) -> tuple[Section | None, str]:
    """(section, the text without its label) for "不足：大客户回款拖延"; (None, text) when unlabelled.

    "目标" is a goal label only when the rest states a number to measure against; "目标：提升续约率" alone
    stays what its words say.
    """
    m = _LABEL.match(text)
    if m is None:
        return None, text
    return _LABELS[m.group("label").lower()], text[m.end() :]


_FILLER = re.compile(
    r"^(?:(?:好的?|嗯|对|那|ok(?:ay)?|so|right|alright|now)\s*[，,、]?\s*)?(?:(?:先|再|我)?(?:说说?|聊聊?|看看?|过一下))?"
    # "这个月最大的问题是…": the period the note is about changes nothing
    r"(?:(?:这个月|本月|上个月|这个季度|本季度|这次|这一次|今年)[，,]?)?(?=\S)",
    re.I,
)
# "The biggest problem this month was …": the period between the topic and its copula changes nothing
_PERIOD = r"(?:(?:this|last) (?:month|quarter|week|year|time|cycle|sprint)\s+)?"
_ANNOUNCE_END = re.compile(r"[:：.。?？!！,，;；]|——|$")
_SHORT_SENTENCE_WORDS = 8
_SHORT_SENTENCE_CHARS = 16
_LONGER_SENTENCE_WORDS = 12


def announced_topic(sentence: str) -> tuple[Section, str] | None:
    """(section, the words after the announcement) when a sentence names the part of the note it opens.

    "What went badly: detection took 22 minutes." → ("shortfall", "detection took 22 minutes.");
    "不足方面，货损主要发生在装卸环节" → ("shortfall", "货损主要发生在装卸环节"); a short sentence that only
    announces ("Some things worked well.", "总结下来有几条经验。") gives an empty rest. The phrases are
    per-language data (coach/notes/words/).
    """
    from coach.notes.wordlists import phrases, topic_phrases

    bare = sentence.strip().strip("*").strip()
    text = _FILLER.sub("", bare)
    for lead in dict.fromkeys((bare, text)):
        found = _announced_at_start(lead) or _named_by_copula(lead)
        if found is not None:
            return found
    short = _is_short(text, _SHORT_SENTENCE_WORDS, _SHORT_SENTENCE_CHARS)
    # "We also did some things less well than we should have.": a phrase of three words or more says it
    # in a longer sentence too
    longer = _is_short(text, _LONGER_SENTENCE_WORDS, _SHORT_SENTENCE_CHARS)
    if longer and not re.search(r"\d", text):
        for section, unanchored in topic_phrases(anchored=False):
            # "下一步我们要做这几件事": the phrase that says it may follow a shorter one
            for m in unanchored.finditer(text):
                phrase = m.group(0)
                a_phrase = len(phrase) >= 4 and (" " in phrase or not phrase.isascii())
                if a_phrase and (short or len(phrase.split()) >= 3):
                    return section, ""
    if phrases("cause_question").search(text) and re.search(r"[？?]$", text):
        return "cause", ""  # "为什么…？", "Why …?", "What's stopping the shredder?"
    return _counted_topic(text)


_COUNTED_TOPIC_WORDS = 16


def _counted_topic(text: str) -> tuple[Section, str] | None:
    """ "Two contributing factors made it worse.", "两个因素让影响更大": a count announces what follows."""
    from coach.notes.wordlists import phrases, topic_phrases

    counted = phrases("count_lead", anchored=True).match(text)
    if counted is None or re.search(r"[:：\d]", text) or not _is_short(text, _COUNTED_TOPIC_WORDS, 24):
        return None
    rest = text[counted.end() :].lstrip()
    if phrases("counted_cause", anchored=True).match(rest):
        return "cause", ""
    for section, pattern in topic_phrases():
        m = pattern.match(rest)
        if m and (" " in m.group(0) or not m.group(0).isascii()):  # a phrase, not a lone word like "why"
            return section, ""
    return None


# "问题主要是社招", "The problem is mainly that …": a hedge between the topic and its copula changes nothing
_COPULA = re.compile(
    r"\s*(?:(?:主要|其实|还|最大的)?(?:就?是|出在)|在于|[:：]|"
    + _PERIOD
    + r"(?:is|was)\s+(?:mainly\s+|mostly\s+|really\s+)?(?:that\s+)?)\s*",
    re.I,
)


def _named_by_copula(text: str) -> tuple[Section, str] | None:
    """ "做得好的是新话术上线了", "问题是夜班响应慢", "The problem is that …": (section, what it is)."""
    from coach.notes.wordlists import topic_phrases

    for section, pattern in topic_phrases(key="copula_topic") + topic_phrases():
        if section == "cause":
            continue  # "原因是…" keeps its words: they mark the cause's place in the chain
        m = pattern.match(text)
        copula = _COPULA.match(text, m.end()) if m else None
        if m and copula and len(text) - copula.end() >= 4:
            return section, text[copula.end() :].strip()
    return None


def _announced_at_start(text: str) -> tuple[Section, str] | None:
    """(section, rest) when the text opens with a topic phrase followed by at most a word or two."""
    from coach.notes.wordlists import topic_phrases

    for section, pattern in topic_phrases():
        m = pattern.match(text)
        if m is None:
            continue
        tail = text[m.end() :]
        end = _ANNOUNCE_END.search(tail)
        assert end is not None  # `$` always matches
        if _only_a_word_or_two(tail[: end.start()]):
            rest = tail[end.end() :].strip()
            only_filler = _is_short(rest.strip(" .。!！"), 2, 3) and not re.search(r"\d", rest)
            return section, "" if only_filler else rest
    return None


_WORD = re.compile(r"[A-Za-z']+")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _only_a_word_or_two(between: str) -> bool:
    """What stands between a topic phrase and the end of its announcement: a word or two, or a count of
    what follows ("经验我说几条：", "教训我讲几点：")."""
    from coach.notes.wordlists import phrases

    if re.search(r"\d", between):
        return False
    counted = phrases("list_intro").search(between) is not None
    return _is_short(between, 2, 3) or (counted and _is_short(between, 4, 5))


def _is_short(text: str, max_words: int, max_chars: int) -> bool:
    words = _WORD.findall(text)
    cjk = _CJK.findall(text)
    return len(words) <= max_words and len(cjk) <= max_chars


_OPPOSITE: dict[Section, Section] = {"highlight": "shortfall", "shortfall": "highlight"}


def contrasted(sentence: str, section: Section | None) -> tuple[Section, str] | None:
    """(the other finding section, the rest) for "On the other hand, nobody noticed…" under highlights."""
    from coach.notes.wordlists import phrases

    if section not in _OPPOSITE:
        return None
    m = phrases("contrast", anchored=True).match(sentence.strip())
    if m is None:
        return None
    return _OPPOSITE[section], sentence.strip()[m.end() :].lstrip(" ,，、")
