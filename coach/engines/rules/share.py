"""Read the share of a gap a cause explains: '大概占七成', '70%', '0.7', 'about 60 percent', '一半'."""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach.domain.parsing.numerals import CN_DIGITS, EN_SCALES, EN_SMALL
from coach.domain.reading import cues

# the shared numeral tables, plus 十 as a bare number ("十", "七十五")
_CN = {**CN_DIGITS, "十": 10}
_EN = {**EN_SMALL, **EN_SCALES}
_WORDS = [
    (re.compile(r"全部|百分之百|所有|\ball of it\b|\bentirely\b|\bfully\b"), 1.0),
    (
        re.compile(r"绝大部分|绝大多数|几乎全部|基本全是|\balmost all\b|\bvast majority\b|\bnearly all\b"),
        0.85,
    ),
    (re.compile(r"大头|大部分|\bmost of\b|\bmostly\b|\bthe bulk\b|\bmajority\b|\bthe lion'?s share\b"), 0.7),
    (re.compile(r"大半|多半|一半多|一半以上|超过一半|\bmore than half\b|\bover half\b"), 0.6),
    (re.compile(r"一半|\bhalf\b"), 0.5),
    (re.compile(r"三分之二|\btwo[- ]thirds\b"), 2 / 3),
    (re.compile(r"三分之一|\b(?:a|one|the other)[- ]third\b"), 1 / 3),
    (re.compile(r"四分之三|\bthree[- ]quarters\b"), 0.75),
    (re.compile(r"四分之一|\b(?:a|one|the other)[- ]quarter\b"), 0.25),
    (re.compile(r"一小部分|很少|\ba little\b|\bsmall part\b"), 0.1),
]


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
    if (marked := _MARKED_SHARE.search(body)) and marked.group("token") != body:
        return parse_share(marked.group("token"))
    if match := re.search(r"(\d{1,3})\s*(?:%|％)?\s*(?:-|~|～|到|至|to)\s*(\d{1,3})\s*(%|％|percent)", body):
        return _clamp((float(match.group(1)) + float(match.group(2))) / 200)
    if match := re.search(r"([一二三四五六七八九])([一二三四五六七八九])成", body):
        return _clamp((_CN[match.group(1)] + _CN[match.group(2)]) / 20)
    if match := re.search(r"(\d+(?:\.\d+)?)\s*(%|％|percent|per cent|pct)", body):
        return _clamp(float(match.group(1)) / 100)
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
    for pattern, value in _WORDS:
        if pattern.search(body):
            return value
    if match := re.search(r"(?<![\d.])(0?\.\d+|1\.0+|\d{1,3})(?![\d.])", body):
        number = float(match.group(1))
        return _clamp(number if number <= 1 else number / 100)
    return None


def _clamp(value: float) -> float | None:
    if value < 0 or value > 1.0001:
        return None
    return round(min(value, 1.0), 4)


@dataclass(frozen=True)
class CauseShare:
    """A share said with the cause it belongs to; cause is "" when the words name none ("这个占七成")."""

    cause: str
    share: float


# a share written out: 七成, 两三成, 70%, 百分之七十, 60 percent, half, 三分之一 (no bare number)
_SHARE_TOKEN = re.compile(
    r"[一二两三四五六七八九十\d]{1,2}\s*成|\d+(?:\.\d+)?\s*(?:%|％|(?i:percent|per cent|pct)\b)"
    r"|百分之[零一二两三四五六七八九十\d]+|一半|大半|大头|大部分|三分之[一二]|四分之[一三]"
    r"|(?i:\bhalf\b|\bmost of\b|\b(?:a|one|two|other)[- ]thirds?\b|\b(?:a|one|three|other)[- ]quarters?\b)"
)
# the words that say a share is one: 占, 占比, accounts for, explains
_MARKED_SHARE = re.compile(
    r"(?:占(?:了|比)?|(?i:\b(?:accounts? for|explains?|makes? up)))\s*"
    r"(?:大概|大约|约|差不多|(?i:about|roughly|around))?\s*"
    rf"(?P<token>{_SHARE_TOKEN.pattern})"
)
# where one cause's share ends and the next begins: "七成是没有陪跑，另外三成是价格", "60% X and 40% Y"
_SHARE_CLAUSE_END = re.compile(r"[，,;；。、]\s*|\s+(?i:and)\s+(?=\S*\d)|(?=另外|其余|剩下|余下)")
# what a share is of: "of the donation shortfall", "的缺口"
_QUALIFIER = re.compile(
    r"^\s*(?:的(?:缺口|差距|损失|下滑|影响)|(?i:of\b(?![^,;，；]*\b(?:is|was|were|came|comes|due)\b)))"
)
# words around a share that are not the cause: 另外, 大概, 占, 是, the other, was, due to, 原因
_LEAD_GLUE = re.compile(
    r"^(?:另外|其余|剩下的?|余下的?|剩余的?|还有|其中|这个|这|大概|大约|约|差不多|占了?|算(?:是)?|我看|估计|的原因|是|在于|来自"
    r"|因为|由于|就是"
    r"|(?i:the\s+other|the\s+rest|the\s+remaining|remaining|another|about|roughly|around|maybe|of\s+it|was|is|were"
    r"|call\s+it|i'?d\s+say|say|i'?d\s+put\s+(?:it|that)\s+at"
    r"|came\s+from|comes\s+from|from|due\s+to|because\s+of|is\s+down\s+to|was\s+down\s+to|on|to|for)\b)[\s:：]*"
)
_TAIL_GLUE = re.compile(
    r"[\s:：]*(?:的原因|原因|左右|的样子|吧|占了?|大概|大约|约|差不多|能?解释了?"
    r"|(?i:\bof\s+it\b|\bor\s+so\b|\bof\s+the\s+gap\b|\baccounts?\s+for\b|\bexplains?\b|\bis\b|\bwas\b|\babout\b|\bfor\b|\bat\b))$"
)


def _cause_words(clause: str, token: re.Match[str]) -> str:
    """The clause without its share and the glue words around it: "另外三成是价格" → "价格"."""
    after = clause[token.end() :]
    if _QUALIFIER.match(after):
        after = ""  # "10% of the donation shortfall", "三成的缺口": what the share is of, no cause
    words = (clause[: token.start()] + " " + after).strip()
    for glue in (_LEAD_GLUE, _TAIL_GLUE):
        while (match := glue.search(words)) and match.group(0):
            words = (words[: match.start()] + words[match.end() :]).strip()
    return words.strip(" ，,。.;；")


def has_share(text: str) -> bool:
    """Whether a share is written out in the text (七成, 70%, two thirds, a quarter)."""
    return _SHARE_TOKEN.search(text or "") is not None


def said_as_share(clause: str) -> bool:
    """A clause that gives a share as an estimate ("I'd say about two thirds of the gap", "我看占八成")."""
    return has_share(clause) and bool(cues.share_lead().search(clause))


def without_share(clause: str) -> str:
    """The clause without the share said in it and the glue around it: "大概占四分之一" → ""."""
    token = _SHARE_TOKEN.search(clause)
    return clause.strip() if token is None else _cause_words(clause, token)


def parse_shares(text: str) -> list[CauseShare]:
    """Every share written out in the text, each with the cause said beside it, in order.

    "七成是没有陪跑，另外三成是价格" → [没有陪跑 0.7, 价格 0.3]; "60% was onboarding, the other 40% pricing".
    """
    found: list[CauseShare] = []
    for clause in _SHARE_CLAUSE_END.split(text or ""):
        token = _SHARE_TOKEN.search(clause)
        share = parse_share(token.group(0)) if token else None
        if token is not None and share is not None:
            found.append(CauseShare(_cause_words(clause, token), share))
    return found
