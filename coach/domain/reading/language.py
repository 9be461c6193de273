"""Which language a text is written in, zh or en: the one rule every reader and writer uses.

The rule: count the Chinese characters (CJK unified ideographs) and the Latin words. The text is
zh when it has at least one Chinese character per two Latin words, en when it has Latin words but
fewer Chinese characters than that, and `default` when it has neither (digits, emoji, "？").
One character against two words leans to Chinese on purpose: a Chinese note quotes English
product names, KPIs and people ("GMV", "Q2 OKR", "Tom 负责"), while an English text rarely carries
more than a name or two in Chinese.
"""

from __future__ import annotations

import re

from coach.domain.retrospective import Language

# the CJK unified ideographs block: the characters Chinese prose is written in
HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
# Chinese characters needed per Latin word for the text to read as Chinese (see the module docstring)
HAN_PER_LATIN_WORD = 0.5


def han_pairs(text: str) -> set[str]:
    """Neighbouring Chinese characters, the text's Chinese read as one run: "损耗也超了" → 损耗, 耗也, …."""
    han = "".join(HAN.findall(text))
    return {han[i : i + 2] for i in range(len(han) - 1)}


def detect_language(text: str, default: Language = "en") -> Language:
    """zh or en by the share of Chinese characters to Latin words; `default` when the text has neither."""
    han = len(HAN.findall(text))
    latin_words = len(_LATIN_WORD.findall(text))
    if han == 0 and latin_words == 0:
        return default
    return "zh" if han > 0 and han >= latin_words * HAN_PER_LATIN_WORD else "en"
