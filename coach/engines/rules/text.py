"""Small text helpers for the rules coach: quoting, splitting lists, reading numbers of items."""

from __future__ import annotations

import re
from functools import cache

from coach.domain.parsing.numerals import CN_DIGITS
from coach.domain.reading import cues
from coach.domain.reading.blocks import has_rung
from coach.domain.retrospective import Language

# a number opens an item only at the start or after punctuation ("at step 4. crashes", "3.5h" are no bullets)
_ITEM_SPLIT = re.compile(
    r"\s*(?:[；;\n]|(?<=[。！？!?])|(?<=\.)\s+(?=[A-Z])|(?:^|(?<=[。；;:：,，.\n]))\s*\d{1,2}[.、)）](?!\d)\s*)\s*"
)
_LEADING_FILLER = re.compile(
    r"^(还有|另外|以及|并且|而且|和|其次|首先|然后|also|and|plus|another)\s*[,，:：]?\s*", re.I
)
_CN_DIGITS = {**CN_DIGITS, "十": 10}
_EN_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "last": -1}


ECHO_LIMIT = 300


def clipped(text: str, limit: int = ECHO_LIMIT) -> str:
    """An item's words as the coach says them back: a pasted wall of text is shortened, so a reply stays
    readable (the item itself keeps every word)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quote(text: str | None, lang: Language, limit: int = 40) -> str:
    """The user's words in quotes, shortened when long."""
    body = clipped(" ".join((text or "").split()), limit)
    return f"「{body}」" if lang == "zh" else f"“{body}”"


def split_items(text: str) -> list[str]:
    """A message listing several things → the things (by ；, new lines, sentences, '1.' bullets)."""
    parts = [_LEADING_FILLER.sub("", p.strip(" ，,。.")) for p in _ITEM_SPLIT.split(text or "")]
    return [p for p in parts if has_words(p)]


_CHUNK_SPLIT = re.compile(
    r"\s*(?:[；;\n]|(?<=[！？!?])|(?:^|(?<=[。；;:：,，.\n]))\s*\d{1,2}[.、)）](?!\d)\s*)\s*"
)
_EN_SENTENCE = re.compile(
    # every sentence; split_findings joins one that goes on about the finding before back to it
    r"(?<=[A-Za-z0-9%)])\.\s+(?=\S)|(?<=。)\s*"
    # "新客多，…，还有客服响应快": 还有 after a comma opens the next finding
    r"|(?<=[，,])\s*(?=(?:还有|另外|再就是|其次)(?![一个点条]?[是的原因]))"
)


_POINTS_BACK = re.compile(r"(?:it|it's|that|that's|this|they|它)\b", re.I)


def split_findings(text: str) -> list[str]:
    """Findings listed in a message, like `split_items`; but in English prose a sentence that goes on about
    the finding before ("Nurse Marsh went through the lists two weeks ahead.") stays with it: only a sentence
    that says it is another one (also, plus, too, went badly…), explains the one before ("It worked
    because…") or names a rung of the ladder ("…, that's the root cause") is read on its own."""
    items: list[str] = []
    for chunk in _CHUNK_SPLIT.split(text or ""):
        sentences = _EN_SENTENCE.split(chunk)
        # "…the colour calibration every Monday; it happened maybe twice": a remark alone after a ";" that
        # points back goes on about the item before it
        if len(sentences) == 1 and items and _POINTS_BACK.match(chunk.strip()):
            items[-1] = _glued(items[-1], chunk.strip())
            continue
        for n, sentence in enumerate(sentences):
            # a sentence typed in lower case is its own when it says it is another one ("…. also the deal …",
            # "…. paywall conv up thanks to …"); one that points back goes on about the one before
            alone = (cues.another_finding().search(sentence.strip()) or has_rung(sentence)) and not (
                _POINTS_BACK.match(sentence.strip()) and sentence.strip()[:1].islower()
            )
            besides = re.search(r"(?:^|[，,])\s*除了[^，,]*[，,]?\s*$", items[-1]) if items else None
            if n and items and (not alone or besides):  # "NPS低，除了返工，还有…": besides, the same one
                items[-1] = _glued(items[-1], sentence.strip())
            else:
                items.append(sentence)
    parts = [_LEADING_FILLER.sub("", p.strip(" ，,。.")) for p in items]
    return [p for p in parts if has_words(p)]


def _glued(before: str, sentence: str) -> str:
    if before.rstrip().endswith(("，", ",")):
        return f"{before.rstrip()}{sentence}"
    if before.rstrip().endswith("。") or re.search(r"[\u4e00-\u9fff]$", before.rstrip(" .")):
        return f"{before.rstrip(' 。')}。{sentence}"
    return f"{before.rstrip(' .')}. {sentence}"


def has_words(text: str) -> bool:
    """True when the text has at least one Chinese character or two Latin letters."""
    return bool(re.search(r"[\u4e00-\u9fff]|[A-Za-z]{2}", text or ""))


def split_cause(text: str) -> tuple[str, str | None]:
    """'新客户超额，因为渠道推广做得好' → ('新客户超额', '渠道推广做得好'); a link said only after a comma
    ("…，主要是老客户转介绍", "…, mostly thanks to …") gives the cause too, its hedge left out of the head."""
    match = _cause_link().search(text)
    if not match or match.start() == 0:
        return text.strip(), None
    head = _head_hedge().sub("", text[: match.start()].strip(" ，,"))
    head, cause = head.strip(" ，,"), text[match.end() :].strip(" ，,。.")
    return (head, cause) if head and cause else (text.strip(), None)


@cache
def _cause_link() -> re.Pattern[str]:
    """The words that link a finding to why it went so: anywhere ("因为", "because"), or after a comma."""
    anywhere, after_comma = cues.alternatives("cause_link"), cues.alternatives("cause_link_after_comma")
    return re.compile(rf"[，,。;；\s]*(?:{anywhere})\s*|\s*[，,]\s*(?:{after_comma})\s*", re.I)


@cache
def _head_hedge() -> re.Pattern[str]:
    """A hedge left at a head's end when its cause is cut off ("CSAT beat target, mostly")."""
    return re.compile(rf"[，,\s]+(?:{cues.alternatives('cause_link_hedge')})$", re.I)


def points_back(head: str) -> bool:
    """A finding's head that only points at the one before ("it worked", "这"): its cause is that one's."""
    return bool(cues.finding_points_back().match(head.strip()))


def item_numbers(text: str) -> list[int]:
    """1-based item numbers named in a message: '第2条', '2', '第二个', 'the second', '#3'; -1 means last."""
    numbers: list[int] = []
    for match in re.finditer(
        r"第\s*(\d+|[一二两三四五六七八九十])\s*[条个项点]?|#\s*(\d+)|(?<![\d.])(\d{1,2})(?![\d.%])", text
    ):
        raw = match.group(1) or match.group(2) or match.group(3)
        numbers.append(int(raw) if raw.isdigit() else _CN_DIGITS[raw])
    low = text.lower()
    for word, value in _EN_ORDINALS.items():
        if re.search(rf"\b{word}\b", low):
            numbers.append(value)
    if re.search(
        r"最后(一|那)|刚(才)?(加|添|记)的(那)?[条项个]"
        r"|(?i:\b(?:one|item|action|lesson) (?:i|we) just added\b)",
        text,
    ):
        numbers.append(-1)  # "刚加的那条", "the one I just added": the last one
    return numbers


def stem(word: str) -> str:
    """An English word without its ending, so "rejects", "rejected" and "rejecting" meet as "reject"."""
    return re.sub(r"(?:ing|ed|es|s)$", "", word)


def word_grams(text: str) -> set[str]:
    """Latin words of 4+ letters and Chinese character pairs: enough to tell which item a message names."""
    low = text.lower()
    words = set(re.findall(r"[a-z][a-z-]{3,}", low))
    pieces = re.findall(r"[\u4e00-\u9fff]+", low)
    return words | {p[i : i + 2] for p in pieces for i in range(len(p) - 1)}


# an acronym, also beside Chinese ("the CRM one", "PCR那条")
_ACRONYM = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Z0-9]{1,3}(?![A-Za-z0-9])")


def naming_words(text: str) -> set[str]:
    """The words that name an item said by its words: its word grams, and an acronym as a word."""
    return word_grams(text) | {a.lower() for a in _ACRONYM.findall(text)}
