"""Read the share of a gap a cause explains: '大概占七成', '70%', '0.7', 'about 60 percent', '一半'."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from coach.domain.parsing.numerals import CN_DIGITS, EN_SCALES, EN_SMALL
from coach.domain.reading import cues

# the shared numeral tables, plus 十 as a bare number ("十", "七十五")
_CN = {**CN_DIGITS, "十": 10}
_EN = {**EN_SMALL, **EN_SCALES}
# the share each kind of words names (the words are the language files' `share_said`), tried in this order:
# "绝大部分" is almost all before "大部分" is most, "一半多" is more than half before "一半" is half
_SAID_SHARES = (
    ("all", 1.0),
    ("almost_all", 0.85),
    ("most", 0.7),
    ("more_than_half", 0.6),
    ("half", 0.5),
    ("two_thirds", 2 / 3),
    ("a_third", 1 / 3),
    ("three_quarters", 0.75),
    ("a_quarter", 0.25),
    ("a_little", 0.1),
)


def _cn_number(raw: str) -> float | None:
    """'七' → 7, '十' → 10, '六十' → 60, '七十五' → 75."""
    if raw.isdigit():
        return float(raw)
    if not raw or any(ch not in _CN for ch in raw):
        return None
    if "十" in raw:
        tens, _, ones = raw.partition("十")
        return float((_CN[tens] if tens else 1) * 10 + (_CN[ones] if ones else 0))
    return float(_CN[raw[-1]])


def parse_share(text: str) -> float | None:
    """A share in 0..1, or None when the text gives none.

    A share said as one ("大概占四分之一", "about a third") wins over a fraction said in passing
    ("价格只有我们一半").
    """
    body = (text or "").lower()
    if (marked := _marked_share().search(body)) and marked.group("token") != body:
        return parse_share(marked.group("token"))
    if match := re.search(r"(\d{1,3})\s*(?:%|％)?\s*(?:-|~|～|到|至|to)\s*(\d{1,3})\s*(%|％|percent)", body):
        return _clamp((float(match.group(1)) + float(match.group(2))) / 200)
    if match := re.search(r"([一二三四五六七八九])([一二三四五六七八九])成", body):
        return _clamp((_CN[match.group(1)] + _CN[match.group(2)]) / 20)
    if match := re.search(
        r"([一二两三四五六七八九])成([一二三四五六七八九半])(?![一二三四五六七八九十成])", body
    ):
        tenths = _CN[match.group(1)] / 10  # "八成五" 85%, "一成半" 15%
        return _clamp(tenths + (0.05 if match.group(2) == "半" else _CN[match.group(2)] / 100))
    if match := re.search(r"(\d+(?:\.\d+)?)\s*(%|％|percent|per cent|pct)", body):
        return _clamp(float(match.group(1)) / 100)
    if match := _FRACTION.search(body):  # "~3/4 of it"
        numerator, denominator = int(match.group(1)), int(match.group(2))
        return _clamp(numerator / denominator) if numerator < denominator else None
    if match := re.search(r"百分之([零一二两三四五六七八九十\d]+)", body):
        value = _cn_number(match.group(1))
        return _clamp(value / 100) if value is not None else None
    if match := re.search(r"(\d+(?:\.\d+)?|[一二两三四五六七八九十])\s*成", body):
        value = (
            _cn_number(match.group(1))
            if not match.group(1).replace(".", "").isdigit()
            else float(match.group(1))
        )
        return _clamp(value / 10) if value is not None else None
    if match := re.search(
        r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b\s*(percent|%)?", body
    ):
        return _clamp(_EN[match.group(1)] / 100)
    for words, value in _SAID_SHARES:
        if cues.share_said()[words].search(body):
            return value
    if match := _bare_number().search(body):
        number = float(match.group(1))
        return _clamp(number if number <= 1 else number / 100)
    return None


@cache
def _bare_number() -> re.Pattern[str]:
    """A number said alone ("0.7", "70"), not one counting something else ("12月", "3 weeks", "2 nights",
    "4条线": any word after it but "of"), nor a time of day ("[14:10]")."""
    unit = cues.alternatives("share_number_unit")
    return re.compile(
        rf"(?<![\d.:])(0?\.\d+|1\.0+|\d{{1,3}})(?![\d.])(?!:\d)(?!\s*(?:{unit}))(?!\s*(?!of\b)[a-z\u4e00-\u9fff])",
        re.I,
    )


def _clamp(value: float) -> float | None:
    if value < 0 or value > 1.0001:
        return None
    return round(min(value, 1.0), 4)


@dataclass(frozen=True)
class CauseShare:
    """A share said with the cause it belongs to; cause is "" when the words name none ("这个占七成")."""

    cause: str
    share: float


# a fraction said as a share: "~3/4 of it", "about 2/3" (a date like 3/4 has neither the mark nor "of")
_FRACTION = re.compile(r"(?<![\d/.])([1-9])\s*/\s*([2-9]|10)(?![\d/.])")
_FRACTION_SAID = (
    r"(?:~|≈|约|占|(?i:about|roughly|around|maybe)\s+)\s*[1-9]/(?:[2-9]|10)(?![\d/])"
    r"|[1-9]/(?:[2-9]|10)\s+(?i:of)\b"
)

# a share written out in numbers: 七成, 一成多 (a bit over a tenth), 两三成, 70%, 百分之七十, 60 percent,
# ~3/4 (no bare number)
_SHARE_NUMBER = (
    rf"{_FRACTION_SAID}|"
    r"[一二两三四五六七八九十\d]{1,2}\s*成(?:[一二三四五六七八九半](?![一二三四五六七八九十成])|多)?"
    r"|\d+(?:\.\d+)?\s*(?:%|％|(?i:percent|per cent|pct)\b)"
    r"|百分之[零一二两三四五六七八九十\d]+"
)

# The cue words around a share are the language files' lists named below; the patterns here only set them.


@cache
def _share_token() -> re.Pattern[str]:
    """A share written out, in numbers or in words ("一半", "two thirds")."""
    return re.compile(rf"{_SHARE_NUMBER}|(?i:{cues.alternatives('share_token_words')})")


@cache
def _marked_share() -> re.Pattern[str]:
    """A share said to be one: "占七成", "占比三成", "accounts for about 60%"."""
    return re.compile(
        rf"(?i:{cues.alternatives('share_marker')})\s*(?i:{cues.alternatives('share_about')})?\s*"
        rf"(?P<token>{_share_token().pattern})"
    )


@cache
def _share_clause_end() -> re.Pattern[str]:
    """Where one share and its cause end: "七成是没有陪跑，另外三成是价格", "60% X and 40% Y"."""
    return re.compile(
        rf"[，,;；。、]\s*|(?<=[A-Za-z%\d])\.\s+|\s+(?i:{cues.alternatives('share_joiner')})\s+(?=\S*\d)"
        rf"|(?={cues.alternatives('share_next')})"
    )


@cache
def _share_of() -> re.Pattern[str]:
    """What a share is of, right after it: "of the donation shortfall", "的缺口"."""
    return re.compile(rf"^\s*(?i:{cues.alternatives('share_of')})")


@cache
def _glue() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words before and after a share's cause that are no part of it: 另外, 大概, 占, the other, was."""
    lead = re.compile(rf"^(?i:{cues.alternatives('share_lead_glue')})[\s:：]*")
    tail = re.compile(rf"[\s:：]*(?i:{cues.alternatives('share_tail_glue')})$")
    return lead, tail


def _cause_words(clause: str, token: re.Match[str]) -> str:
    """The clause without its share and the glue words around it: "另外三成是价格" → "价格"."""
    after = clause[token.end() :]
    if _share_of().match(after):
        after = ""  # "10% of the donation shortfall", "三成的缺口": what the share is of, no cause
    return _without_glue(clause[: token.start()] + " " + after)


def _without_glue(words: str) -> str:
    words = words.strip()
    for glue in _glue():
        while (match := glue.search(words)) and match.group(0):
            words = (words[: match.start()] + words[match.end() :]).strip()
    return words.strip(" ，,。.;；")


def only_glue(clause: str) -> bool:
    """A clause with no cause in it once the share words around a share are gone ("这个占延期的")."""
    return not _without_glue(clause)


def share_segments(text: str) -> list[tuple[str, float]]:
    """The text cut after each share written out, each piece with its share: "the PPE thing is bigger. Make
    it 70%, and the rushing 20%" → [("the PPE thing is bigger. Make it 70%", 0.7), (", and the rushing 20%",
    0.2)]."""
    pieces: list[tuple[str, float]] = []
    start = 0
    for token in _share_token().finditer(text or ""):
        share = parse_share(token.group(0))
        if share is not None:
            pieces.append((text[start : token.end()], share))
            start = token.end()
    return pieces


def shares_said(text: str) -> list[re.Match[str]]:
    """Every share written out in the text, in order, as found (七成, 70%, two thirds, a quarter)."""
    return list(_share_token().finditer(text or ""))


def has_share(text: str) -> bool:
    """Whether a share is written out in the text (七成, 70%, two thirds, a quarter)."""
    return _share_token().search(text or "") is not None


def said_as_share(clause: str) -> bool:
    """A clause that gives a share as an estimate ("I'd say about two thirds of the gap", "我看占八成")."""
    return has_share(clause) and bool(cues.share_lead().search(clause))


def without_share(clause: str) -> str:
    """The clause without the share said in it and the glue around it: "大概占四分之一" → ""."""
    token = _share_token().search(clause)
    return clause.strip() if token is None else _cause_words(clause, token)


def parse_shares(text: str) -> list[CauseShare]:
    """Every share written out in the text, each with the cause said beside it, in order.

    "七成是没有陪跑，另外三成是价格" → [没有陪跑 0.7, 价格 0.3]; "60% was onboarding, the other 40% pricing".
    """
    found: list[CauseShare] = []
    before = ""  # a clause with no share: "the insurer being slow, 40%" weighs the cause said before it
    for clause in _share_clause_end().split(text or ""):
        token = _share_token().search(clause)
        share = parse_share(token.group(0)) if token else None
        if token is not None and share is not None:
            cause = _cause_words(clause, token) or _without_glue(before)
            found.append(CauseShare(cause, share))
        if token is not None:
            before = ""
        elif _without_glue(clause):
            before = clause  # a clause of glue alone ("that's behind the delays") keeps the cause before it
    return found
