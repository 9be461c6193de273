"""A chat message cut into the method's blocks, by the words that open them.

People who know the method say several parts of it in one message: "亮点：…。不足：…；应该做没做的是…",
"挖毛利率：现象是…，表面是…，根因是…，占七成。剩下三成是…", or a whole reflection. A sentence that
opens with a block's words starts that block; the sentences after it belong to it until another opens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from coach.domain.reading import cues
from coach.domain.reading.arrow_ladder import arrow_ladder
from coach.domain.reading.language import HAN

BlockKind = (
    str  # "highlights" | "shortfalls" | "missed" | "chain" | "reflection" | "lessons" | "actions" | "text"
)
FINDINGS = ("highlights", "shortfalls", "missed")
# where a sentence ends: a Chinese or closing mark, or a period before the next word
_SENTENCE_END = r"(?<=[。！？!?；;\n])\s*"
_PERIOD = r"(?<=[.])\s+(?=\S)"
# "X, Lucia, by March 31. Y, Tom, next Friday.": a period ends a sentence before a capital letter only
# ("by March 5. newsletter list" goes on), for lists where a lower-case word after a period is no new item
_PERIOD_CAPITALISED = r"(?<=[.])\s+(?=[A-Z])"
# "Highlights: X / Shortfalls: Y": a slash between spaces parts the sentences of a terse message
_SLASH = r"\s+/\s+"
_BULLET = re.compile(r"^(?:[-*·•]|\d{1,2}\s*[.)）、]|[（(]\d{1,2}[)）])\s*")
_SHARE = re.compile(r"[一二两三四五六七八九十\d.]+\s*(?:成|%|％|percent)")


@dataclass
class Block:
    kind: BlockKind
    sentences: list[str]
    topic: str = ""  # the finding a drill-down names ("挖毛利率" → 毛利率)
    said: list[str] = field(default_factory=list)  # the sentences as said, the opening cue included

    @property
    def text(self) -> str:
        """The block's words; a bulleted sentence starts a new line (an item), a plain one goes on."""
        return _joined(self.sentences)

    @property
    def prose(self) -> str:
        """Like `text`, but Chinese sentences said one after another stay one run ("…特别多。一查，…"),
        so that a sentence that only goes on about a finding can stay with it; a bullet starts a new line."""
        out = ""
        for sentence in self.sentences:
            if not out:
                out = sentence
            elif _BULLET.match(sentence):
                out = f"{out}\n{sentence}"
            else:
                out = f"{out}{'。' if HAN.search(out[-1:]) else ' '}{sentence}"
        return out

    @property
    def as_said(self) -> str:
        """The block as the user said it, its opening words ("不足：", "What went badly:") kept."""
        return _joined(self.said)


def _joined(parts: list[str]) -> str:
    out = ""
    for sentence in parts:
        joiner = "\n" if _BULLET.match(sentence) or HAN.search(sentence[:1]) else " "
        out = f"{out}{joiner}{sentence}" if out else sentence
    return out


def sentences(text: str, *, capitalised: bool = False, slashes: bool = True) -> list[str]:
    """The sentences of a message, commas at their ends kept off; with `capitalised`, an English
    sentence after a period must start with a capital letter; without `slashes`, a " / " goes on the
    sentence (an answer that names two things: "把培训 / 上线陪跑提前做")."""
    splitter = _splitter(capitalised, slashes)
    return [s.strip(" \t\n，,") for s in splitter.split(text or "") if s and s.strip(" \t\n，,。.")]


@cache
def _splitter(capitalised: bool, slashes: bool) -> re.Pattern[str]:
    ends = [_SENTENCE_END, _PERIOD_CAPITALISED if capitalised else _PERIOD, *([_SLASH] if slashes else [])]
    return re.compile("|".join(ends))


def strip_filler(sentence: str) -> str:
    """A sentence without its list bullet and the words that only join it to the one before."""
    return cues.fillers().sub("", _BULLET.sub("", sentence.strip(), count=1), count=1)


def has_rung(sentence: str) -> bool:
    """A sentence that names a rung of the ladder (现象, 表因, 根因…) or a share label, anywhere in it."""
    if arrow_ladder(sentence) is not None:
        return True  # "A -> B -> C": the ladder drawn, each arrow a level down
    for clause in re.split(r"[，,；;:：→]\s*|\s*(?:-+>|=>)\s*|\s+-\s+", sentence):
        clause = strip_filler(clause).rstrip(" 。.!！")
        if any(p.match(clause) for p in cues.rungs().values()):
            return True
        if any(p.match(clause) for p in cues.chain_root_of()):
            return True  # "纠纷多的根子我心里有数：…"
    return False


def _marks_the_one_before(sentence: str) -> bool:
    """A sentence that names the one before it as the root ("That's the root, I'd say 70%", "这就是根因")."""
    return any(
        cues.rungs()["root_after"].match(strip_filler(clause).rstrip(" 。.!！"))
        for clause in re.split(r"[，,；;:：]\s*", sentence)
    )


def _asks_why(sentence: str) -> bool:
    """A question the speaker asks to go a level down ("Why?", "为什么不够？", "And why's that?"): the
    sentences before it are a ladder's first rungs."""
    body = strip_filler(sentence).rstrip()
    return body.endswith(("?", "？")) and bool(cues.why().match(body))


def opens(sentence: str) -> tuple[BlockKind, str, str] | None:
    """(kind, words after the cue, topic) when the sentence opens a block; None when it goes on one."""
    body = strip_filler(sentence)
    for kind, pattern in cues.heads().items():
        if match := pattern.match(body):
            after = body[match.end() :].lstrip(" .。!！")  # "Good things first." heads what follows
            return ("missed" if kind == "missed" else kind), after, ""
    if match := cues.dig().match(body):
        topic = (cues.named(match, "topic") or "").strip()
        return "chain", body[match.end() :], topic
    rest = cues.rest()
    if (
        rest.match(body)
        or rest.match(sentence.strip())
        or (cues.rest_inside().search(body) and _SHARE.search(body))
    ):
        return "rest", body, ""
    return None


def read_blocks(text: str) -> list[Block]:
    """The message's blocks in order; sentences before any cue form a "text" block."""
    blocks: list[Block] = []
    aside_from: Block | None = None  # the list an aside sentence turned from, read on after it
    for sentence in (piece for said in sentences(text) for piece in _missed_inside(said)):
        opened = opens(sentence)
        weighs_aside = blocks and blocks[-1].kind == "chain" and _only_weighs(sentence)
        if opened is None and aside_from is not None and not _turns_aside(sentence) and not weighs_aside:
            blocks.append(Block(aside_from.kind, [], aside_from.topic))  # the list goes on after the aside
        aside_from = None
        if opened is not None:
            kind, body, topic = opened
            blocks.append(Block(kind, [body] if body.strip() else [], topic))
        elif blocks and blocks[-1].kind in FINDINGS and _turns_aside(sentence):
            aside_from = blocks[-1]
            # "顺便说一下，…": one sentence about something else; "等候长这个我先把根子说了，…": a chain
            blocks.append(Block("chain" if has_rung(sentence) else "text", [sentence]))
        elif blocks and blocks[-1].kind != "text":
            blocks[-1].sentences.append(sentence)
        elif blocks and (_marks_the_one_before(sentence) or _asks_why(sentence)):
            blocks[-1].kind = "chain"  # "…Why? Because … . That's the root, 70%": the ladder said before
            blocks[-1].sentences.append(sentence)
        elif blocks and _goes_below(blocks[-1], sentence):
            blocks[
                -1
            ].kind = "chain"  # "X slipped because Y; underneath that, …": the ladder's top said before
            blocks[-1].sentences.append(sentence)
        elif has_rung(sentence):
            blocks.append(Block("chain", [sentence]))
        elif blocks:
            blocks[-1].sentences.append(sentence)
        else:
            blocks.append(Block("text", [sentence]))
        blocks[-1].said.append(sentence)
    return blocks


def _goes_below(block: Block, sentence: str) -> bool:
    """A sentence that opens a level below ("underneath that, …", "再往下是…") after one sentence that says
    a finding and why it went so ("first response slipped because …"): that sentence tops its ladder."""
    deeper = cues.rungs()["deeper"].match(strip_filler(sentence))
    top = block.sentences[0] if block.kind == "text" and len(block.sentences) == 1 else ""
    return bool(deeper) and bool(cues.words_pattern("because").search(top))


def _only_weighs(sentence: str) -> bool:
    """A short sentence that only gives a share ("这个占等候的七成", "That's 70% of it")."""
    rest = _SHARE.sub(" ", sentence)
    few_words = len(HAN.findall(rest)) <= 10 and len(re.findall(r"[A-Za-z]+", rest)) <= 5
    return bool(_SHARE.search(sentence)) and few_words


def before_aside(text: str) -> str:
    """The findings said before a sentence that turns aside ("亮点：…。顺便说一下，…", "…. The root cause of
    the rejects is …"); the text itself when none does."""
    for number, sentence in enumerate(sentences(text)):
        if number and _turns_aside(sentence) and (at := text.find(sentence.strip())) > 0:
            return text[:at].rstrip()
    return text


def _turns_aside(sentence: str) -> bool:
    """A sentence that opens by turning aside ("顺便说一下，…", "By the way, …") or by naming another
    finding's root cause ("拿证慢的根因我先说了吧：…", "The root cause of the rejects is …")."""
    said = sentence.strip()
    return bool(
        re.match(rf"(?:{cues.alternatives('turn_aside')})", said, re.I)
        or re.match(rf"(?:{cues.alternatives('root_of_another')})", said, re.I)
    )


_LIST_JOIN = re.compile(r"[,，、]\s*(?:and\s+|还有|以及|另外)?")


def _missed_inside(sentence: str) -> list[str]:
    """ "late handbacks, slow quotes, and the thing we should have done: a parts pre-order", "不足是A、B，还有
    该做没做的：C": the missed, headed with its colon at the end of a list, is a sentence of its own."""
    for join in _LIST_JOIN.finditer(sentence):
        rest = sentence[join.end() :]
        opened = opens(rest)
        if opened is not None and opened[0] == "missed" and re.match(r"[^:：。.]{0,40}[:：]", rest):
            return [sentence[: join.start()], rest]
    return [sentence]
