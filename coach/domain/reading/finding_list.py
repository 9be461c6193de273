"""Several shortfalls named in one breath: "退园高，投诉多，满园率没到", "late handbacks, slow quotes".

A list is told from a finding explained in the same sentence ("投诉多，客户等太久") by the shape of its parts:
each is a short name, a thing with how it went ("返工多", "invoicing slow") or a bare thing ("缺货",
"the backlog"), never a clause with its own subject and verb. What follows the names goes on about the last
one ("新品陈列慢，到货三天了还在仓库"), unless it opens as another item ("还有该做没做的…", "and the pitch
booking we should have done").
"""

from __future__ import annotations

import re
from functools import cache

from coach.domain.reading import cues
from coach.domain.reading.language import HAN, han_pairs

_PART_SPLIT = re.compile(r"\s*[，,]\s*")
_ENUMERATION = re.compile(r"\s*、\s*")
_BARE_HAN = 4  # "缺货", "手部夹伤": a thing named without how it went
_NAME_HAN = 6  # "工单关得慢", "省外位次下滑": longer than this is a sentence, not a name
_NAME_WORDS = 3  # "late handbacks", "invoicing slow"
_LISTED_WORDS = 6  # in a list closed by "and" ("…, the backlog, and weekend coverage") names run longer
_TERSE_WORDS = 4  # "crashes on Mali GPUs"
# a lower-case sentence after a period: terse notes, one finding each
_TERSE_SENTENCE = re.compile(r"(?<=[A-Za-z0-9%)])\.\s+(?=[a-z])")


@cache
def _next_item() -> re.Pattern[str]:
    """The words that open another item of the list ("还有", "plus")."""
    return re.compile(rf"^(?:{cues.alternatives('finding_list_next')})(?![A-Za-z])\s*", re.I)


@cache
def _last_item() -> re.Pattern[str]:
    """The word that joins the last item of a list of names ("and"): another item only after two names."""
    return re.compile(rf"^(?:{cues.alternatives('finding_list_last')})(?![A-Za-z])\s*", re.I)


@cache
def _missed() -> re.Pattern[str]:
    return re.compile(rf"^(?:{cues.alternatives('finding_list_missed')})\s*[：:]?\s*", re.I)


@cache
def _how_it_went() -> re.Pattern[str]:
    return re.compile(rf"(?:{cues.alternatives('finding_name_end')})$", re.I)


@cache
def _explains() -> re.Pattern[str]:
    """Words that make a part a clause that explains, not a name ("主要是…", "we", "was", "because")."""
    first, anywhere = cues.alternatives("finding_name_not_first"), cues.alternatives("finding_name_not")
    return re.compile(rf"^(?:{first})|{anywhere}", re.I)


def _name_of(part: str) -> str:
    """The part without the word that joins it to the list ("还有", "and the")."""
    return cues.fillers().sub("", _next_item().sub("", _last_item().sub("", part.strip(" 。.")), count=1))


def _is_name(part: str, most_words: int = _NAME_WORDS) -> bool:
    """A short name of a finding: a bare thing or a thing with how it went, no clause, no number."""
    # "the two injuries": a count said with "the" points at the things it counts, a name
    name = re.sub(r"^(?:the|our)\s+(?:two|three|four|five|six)\s+(?=[a-z])", "", _name_of(part), flags=re.I)
    name = re.sub(r"^(?:the|a|an|our)\s+", "", name, flags=re.I)
    # a number names no finding ("3 complaints"); digits in a name's word do ("D7 retention", "P95 latency")
    if not name or re.search(r"(?<![A-Za-z])\d", name) or _explains().search(name):
        return False
    if HAN.search(name):
        han = len(HAN.findall(name))
        return han <= _BARE_HAN or (han <= _NAME_HAN and bool(_how_it_went().search(name)))
    words = name.split()
    if any(word.endswith("ed") for word in words[1:]):  # "customers churned": a verb after its subject
        return False
    return 0 < len(words) <= most_words


def _parts(text: str) -> list[str]:
    """The comma-parted pieces; a "、" run of bare things is several ("逃费、排队"), but one that shares the
    words of its last ("拖车、客梯车出库晚") stays whole."""
    parts: list[str] = []
    pieces = _PART_SPLIT.split(text)
    if said_of_all := _ALL_WENT_EN.match(pieces[-1].strip(" .")):
        # each is a finding: "on-time, damages, and cost all missed", "on-time and cost both missed"
        last = said_of_all.group("last")
        pieces[-1:] = re.split(r"\s+and\s+", last) if len(pieces) == 1 else [last]
    if len(pieces) == 1 and (named_pair := _bare_pair_en(pieces[0])):
        return named_pair  # "first response and backlog": two bare things, a finding each
    for piece in pieces:
        enumerated = _ENUMERATION.split(piece)
        if len(enumerated) == 1 and (pair := _BARE_PAIR.fullmatch(piece.strip(" 。."))):
            parts += [pair.group(1), pair.group(2)]  # "返工和延期": two bare things, a finding each
            continue
        if len(enumerated) == 1 and (went := _went_pair(piece)):
            parts += went  # "次日达没完成和损耗超标": each with how it went
            continue
        shared = _ALL_WENT.match(enumerated[-1].strip(" 。.")) if len(enumerated) > 1 else None
        if shared and _how_it_went().search(shared.group("how")):
            # "接通率、等待时长、满意度都没到": how it went is said of each
            parts += [*enumerated[:-1], shared.group("last")]
            continue
        bare = not _how_it_went().search(enumerated[-1].strip(" 。."))
        # "纠纷多、成交率低、过户慢": each with how it went is a finding of its own
        each_went = all(_how_it_went().search(_name_of(p)) for p in enumerated)
        several = len(enumerated) > 1 and (bare or each_went) and all(map(_is_name, enumerated))
        parts += enumerated if several else [piece]
    return [p for p in parts if p.strip()]


# two bare things joined by 和: "返工和延期" (no more than four characters each, nothing said of them)
_BARE_PAIR = re.compile(r"([\u4e00-\u9fff]{2,4})(?:和|及|跟|以及)([\u4e00-\u9fff]{2,4})")
# two things joined by one "and", nothing else said: "first response and backlog"
_AND_PAIR = re.compile(r"^(?P<first>[A-Za-z][^,;:]*?)\s+and\s+(?P<second>[^,;:]+)$", re.I)


def _bare_pair_en(piece: str) -> list[str] | None:
    """Two English names joined by "and", each a finding's name; None when either part is more than that."""
    pair = _AND_PAIR.match(piece.strip(" ."))
    if pair is None or " and " in pair.group("second").lower():
        return None
    first, second = pair.group("first"), pair.group("second")
    return [first, second] if _is_name(first) and _is_name(second) else None


def _went_pair(piece: str) -> list[str] | None:
    """Two names joined by one "和", each with how it went ("次日达没完成和损耗超标"); None otherwise."""
    halves = re.split(r"(?:和|以及)", piece.strip(" 。."))
    if len(halves) != 2 or not all(HAN.search(h) for h in halves):
        return None
    went = all(_is_name(h) and _how_it_went().search(_name_of(h)) for h in halves)
    return halves if went else None


# the last of a "、" run with how it went said of all of them: "满意度都没到"
_ALL_WENT = re.compile(r"^(?P<last>[^、，,]{1,10}?)(?:都|全都|全)(?P<how>.{1,6})$")
# the last of an English list with how it went said of all: "on-time, damages, and cost all missed"
_ALL_WENT_EN = re.compile(
    r"^(?P<last>.{2,30}?)\s+(?:all|both)\s+(?P<how>missed|slipped|went (?:badly|wrong)|fell short)$", re.I
)


def _opens_item(part: str, names: int) -> bool:
    said = part.strip()
    return bool(
        _next_item().match(said) or _missed().match(said) or (names >= 2 and _last_item().match(said))
    )


def _item(part: str) -> str:
    """A part that opens an item, without the words that open it ("还有该做没做的是…" → "…")."""
    return _missed().sub("", _name_of(part).strip(), count=1)


def listed_findings(text: str, kpis: tuple[str, ...] = ()) -> list[str]:
    """The findings a sentence names one after another; the sentence itself when it names one. Terse
    English names each finding in a lower-case sentence of its own ("claims slow. utilisation low"); a
    "、" run whose names each name a different KPI of the review (`kpis`) is a finding each."""
    if kpis and len(by_kpi := _kpis_named(text, kpis) or _kpis_leading(text, kpis)) > 1:
        return by_kpi
    first, *terse = _TERSE_SENTENCE.split(text)
    if terse and not HAN.search(text):
        items = _listed(first)
        for sentence in terse:
            if _missed().match(sentence.strip()):
                items.append(_item(sentence).strip(" ."))  # "never did the upsell training we planned"
            elif _is_name(sentence, _TERSE_WORDS):
                items.append(sentence.strip(" ."))
            else:
                items[-1] = f"{items[-1]}. {sentence}"
        return items if len(items) > 1 else [text]
    return _listed(text)


def _kpis_named(text: str, kpis: tuple[str, ...]) -> list[str]:
    """ "流失、客诉、复购低" with the KPIs 发型师流失率, 客诉, 会员复购率: each name is a different KPI's, a
    finding each ("拖车、客梯车出库晚" names no two KPIs: one finding, said of both)."""
    parts = _ENUMERATION.split(text.strip(" 。."))
    if len(parts) < 2 or any(not HAN.search(p) or len(p) > _NAME_HAN for p in parts):
        return []
    named = [next((k for k in kpis if han_pairs(p) & han_pairs(k)), None) for p in parts]
    return parts if None not in named and len(set(named)) == len(parts) else []


def _kpis_leading(text: str, kpis: tuple[str, ...]) -> list[str]:
    """ "营收没完成，毛利率掉得厉害", "Revenue missed, Margin dropped": parts that each open with a different
    KPI's name, a finding each, however they say how it went."""
    parts = [p.strip() for p in _PART_SPLIT.split(text.strip(" 。.")) if p.strip()]
    if len(parts) < 2:
        return []
    led = [next((k for k in kpis if k and p.casefold().startswith(k.casefold())), None) for p in parts]
    return parts if None not in led and len(set(led)) == len(parts) else []


def _listed(text: str) -> list[str]:
    parts = _parts(text)
    closed = any(_last_item().match(part.strip()) for part in parts[1:])
    most = _LISTED_WORDS if closed else _NAME_WORDS
    names = 0
    while (
        names < len(parts) and _is_name(parts[names], most) and not (names and _missed().match(parts[names]))
    ):
        names += 1
    rest = parts[names:]
    strong = bool(rest) and bool(_next_item().match(rest[0].strip()) or _missed().match(rest[0].strip()))
    if names < 2 and not (names == 1 and strong):
        return [text]
    comma = "，" if HAN.search(text) else ", "
    items = [_name_of(p) for p in parts[:names]]
    for part in rest:  # what follows the names goes on about the last item, unless it opens another
        if _opens_item(part, names):
            items.append(_item(part))
        else:
            items[-1] = comma.join([items[-1], part])
    return [item for item in items if item]
