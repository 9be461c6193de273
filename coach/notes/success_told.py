"""A success told on: the sentences after a highlight that say how it went, why it worked or who praised it
belong to that highlight, not to a highlight of their own."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from coach.domain.reading.language import HAN
from coach.notes import cues, finding_cues
from coach.notes.segment import Item
from coach.notes.wordlists import phrases

K = TypeVar("K", bound=str)

_WORDS = re.compile(r"[A-Za-z'][A-Za-z'-]*")  # "all-wards" is one word
# "续当率达标，…", "Revenue beat the target …": a measure that went well, named at the start, is news
_GOAL_WENT_WELL = re.compile(r"^([\u4e00-\u9fff]{2,8}?)(?:能|也)?(?:达标|超额|超出|超了|能超|完成了)")


def successes_told_on(
    items: list[Item], kinds: list[K], highlight: K, other: K, people: Sequence[str] = ()
) -> list[K]:
    """ "The flash day was the best day we've had." | "Forty-eight pieces in one day." | "It worked because
    Jun drew every design." | "Several told us it was the phone call.": in one paragraph, or one speaker's
    turns, the sentences after a highlight tell it on (the reason may come from another speaker) unless they
    open another ("also", "the other good thing", "第二件", "还有") or name another measure that went well.
    In prose, "Marek ran the electrical works on two Saturdays …" credits one of the note's `people` with the
    success just told."""
    kinds = list(kinds)
    names = _called(people)
    head: int | None = None
    named = False  # the highlight was named in a few words ("The biggest win was the rating.")
    for i, item in enumerate(items):
        if kinds[i] != highlight or item.section != "highlight":
            head = None if kinds[i] != other or not _between(items, head, i) else head
            continue
        told_on = head is not None and _tells_on(items[head], item, named or _credits(item.text, names))
        if head is not None and told_on and not _opens_another(items[head], item):
            first = items[head]
            first.text = f"{first.text.rstrip()} {item.text.strip()}"
            first.evidence = f"{first.evidence} {item.evidence}"
            kinds[i] = other
            continue
        head, named = i, _says_little(item.text) or _names_standout(item.text)
    return kinds


def _between(items: list[Item], head: int | None, i: int) -> bool:
    """An item that is no highlight keeps the one before open while the same paragraph or talk goes on."""
    if head is None or items[i].para != items[head].para:
        return False
    if cues.QUESTION.search(items[i].text):
        return False  # "…怎么做到的？去年可是送了三个。": what the asker adds is no telling of the success
    return items[i].speaker is not None or items[i].line == items[head].line


def _tells_on(first: Item, item: Item, named: bool) -> bool:
    if first.speaker is None and item.speaker is None:
        # written: in the same paragraph of prose, never the next bullet, a sentence of its own may well be
        # the next success ("Customer communication was timely."); only its reason and its praise go on, or
        # the telling of a success named in a few words
        same = item.para == first.para and item.line == first.line and not item.bullet
        told = _gives_reason(item.text) or _hearsay(item.text) or _reason_told_later(item.text)
        return same and (named or told)
    if first.speaker is None or item.speaker is None or item.para != first.para:
        return False
    if item.speaker == first.speaker:
        return True
    # "I just liked drawing them.": the one credited answers for themself; "Hiring was solid." would be news
    own_aside = (
        _says_little(item.text) and re.match(r"^(?:I\b|I[’']|我(?!们))", item.text.strip()) is not None
    )
    return _gives_reason(item.text) or _hearsay(item.text) or own_aside


def _opens_another(first: Item, item: Item) -> bool:
    text = item.text.strip()
    if _gives_reason(text) or _hearsay(text) or _reason_told_later(text):
        return False  # "And honestly it worked because …", "章老师也说，…": more of the same success
    if _own_reason(text) or finding_cues.praises_plainly(text):
        return True  # "The booking page worked well.": praised in words of its own, another success
    lead = " ".join(_WORDS.findall(text)[:6]) or text[:6]
    if (
        phrases("separate_lead", anchored=True).match(text)
        or phrases("another_success").search(lead)
        or re.search(r"\b(?:too|as well)\W*$", text, re.I)
    ):
        return True
    named = _GOAL_WENT_WELL.match(text)
    # "出租单能超，一大半是上门试纱带来的" credits the success told before: no other one
    return named is not None and named.group(1) not in first.text and not _points_back(first.text, text)


def _gives_reason(text: str) -> bool:
    """ "It worked because …", "能跑顺是因为…", "That was only possible because …": why the success told
    before went well, with no subject of its own."""
    reason = phrases("success_reason").search(text)
    if reason is None:
        return False
    before = text[: reason.start()].strip()
    if HAN.search(before) or not _WORDS.search(before):
        return len(HAN.findall(before)) <= 4 and (not before or _POINTS_ON_ZH.match(before) is not None)
    return len(_WORDS.findall(before)) <= 8 and _POINTS_ON_EN.match(before) is not None


def _own_reason(text: str) -> bool:
    """ "Waste came in under budget because …", "蒸汽省了，是设备科把…": another success, with its reason."""
    if _gives_reason(text):
        return False
    reason = phrases("success_reason").search(text)
    copula = _ZH_COPULA_REASON.match(text)
    head = text[: reason.start()] if reason else copula.group(1) if copula else ""
    return len(_WORDS.findall(head)) >= 2 or len(HAN.findall(head)) >= 2


_POINTS_ON_EN = re.compile(
    r"^(?:(?:and|so|but|honestly|really|frankly)[, ]+)*(?:it|that|this|which|they)\b", re.I
)
_POINTS_ON_ZH = re.compile(r"^(?:能|这|那|它|之所以)")
# "新品按时上，是这次研发和中央工厂一起做了试产": a success named, then "，是…" gives its reason
_ZH_COPULA_REASON = re.compile(r"^([^，,。]{2,12}?)(?:[，,]\s*(?:主要)?是|主要是)")


def _names_standout(text: str) -> bool:
    """ "出团人次超额完成，最亮眼的是暑期研学团。", "Sales were up, and the standout was the bundle.": the
    sentence ends naming the success in a few words, so the ones after it tell that success."""
    standout = phrases("standout_named").search(text)
    if standout is None:
        return False
    rest = text[standout.end() :]
    return re.search(r"[，,;；:：]", rest) is None and _says_little(rest)


def _reason_told_later(text: str) -> bool:
    """ "The reason it held only came out later in the discussion: …", "说到为什么研学团做得好，是后面孔德明才
    讲的：…": the sentence says it tells why, then tells it after the colon."""
    told = phrases("reason_told").search(text)
    colon = re.search(r"[:：]", text)
    return told is not None and colon is not None and told.start() < colon.start()


def _remarks_on_it(text: str) -> bool:
    """ "Dr Osei was blunt about it in the review: "…"", "韩冬对此说：“…”": someone's words on the success
    just told, quoted."""
    return _REMARK_ON_IT.match(text.strip()) is not None


_REMARK_ON_IT = re.compile(
    r"^[^:：,，]{1,60}?\b(?:about|of|on)\s+(?:it|this|that)\b[^:：]{0,40}[:：]\s*[\"“]"
    r"|^[^:：,，。]{1,20}?(?:对此|对这个|对这件事)[^:：。]{0,20}[:：]\s*[“「\"]",
    re.I,
)


def _hearsay(text: str) -> bool:
    """ "Gwen said it's the first time …", "Several told us …", "林处长说这是…": what someone said of it."""
    if _remarks_on_it(text):
        return True
    said = phrases("hearsay").search(text)
    if said is None or cues.QUESTION.search(text):
        return False
    subject = text[: said.start()].strip()
    return 0 < len(subject) <= 20 and len(subject.split()) <= 3 and not re.search(r"[,，;；:：]", subject)


def _says_little(text: str) -> bool:
    """ "I just liked drawing them.": a short remark with no number."""
    if re.search(r"\d", text):
        return False
    return len(_WORDS.findall(text)) <= 6 and len(HAN.findall(text)) <= 10


def _points_back(first: str, text: str) -> bool:
    """The sentence names again the words the highlight began with (four characters or a long word)."""
    head = re.split(r"[，,。.;；]", first.strip(), maxsplit=1)[0]
    runs = {
        head[k : k + 4]
        for k in range(len(head) - 3)
        if HAN.fullmatch(head[k]) and len(HAN.findall(head[k : k + 4])) == 4
    }
    words = {w.lower() for w in _WORDS.findall(head) if len(w) >= 6}
    return any(r in text for r in runs) or any(w in text.lower() for w in words)


def _called(people: Sequence[str]) -> tuple[str, ...]:
    """The names the note's people go by: "Marek Nowak" and "Marek", "祁明月"."""
    names = {p for p in people} | {p.split()[0] for p in people if " " in p}
    return tuple(sorted(names, key=len, reverse=True))


def _credits(text: str, names: tuple[str, ...]) -> bool:
    """The sentence opens with what one of the note's people did ("Marek ran …", "祁明月在九月底就把…"),
    not with what is theirs ("Priya's team …", "王芳的组…")."""
    body = re.sub(r"^(?:since|in|from)\s+\w+[,，]?\s+|^\w+以来[，,]?", "", text.strip(), flags=re.I)
    for name in names:
        if body.startswith(name):
            rest = body[len(name) :]
            if re.match(r"[A-Za-z]", name):
                return re.match(r"\s+[a-z]|,\s", rest) is not None
            return not rest.startswith(("的", "说", "认为", "觉得"))
    return False
