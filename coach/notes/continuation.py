"""Whether a cause statement goes on with a chain told before it (a step down, a detail, an answer to a why, a
remark pointing back) or starts a chain of its own, and how it joins the earlier chain when it goes on."""

from __future__ import annotations

import re
from collections.abc import Sequence

from coach.domain.retrospective import CauseChain
from coach.notes import cues, drilldown
from coach.notes.cause_statement import ROOT_MARK, chain_words, clean, named_main
from coach.notes.segment import Item
from coach.notes.similarity import bigrams, similarity
from coach.notes.wordlists import phrases

# "ROI 的问题八成是这个", "Most of the gap was this.": the pointing word closes the remark
_POINTS_AT_END = re.compile(
    r"(?:就?是|都是|在)(?:这个|这条|这一条|它)[。.!！]?$|\b(?:is|was) (?:this|that|it)\b\.?$"
)
# "I'd say that's 70% of the late starts.", "我估计这占了七成": the weight of it, in so many words
_SHARE_OF_IT = (
    r"(?:this|that|it)(?:'s|\s+is|\s+was)\s+(?:about\s+|around\s+|roughly\s+|maybe\s+|probably\s+)?"
    r"\d{1,2}\s*%\s+of\b"
    r"|这(?:个|条|一条)?(?:大概|差不多|估计|至少)?占了?(?:[一二三四五六七八九]成|\d{1,2}\s*%)"
)
BACK_REFERENCE = re.compile(
    r"这一?个原因|这个原因|这一?条|这是主因|这(?:就)?是(?:最主要|最大|主要)的(?:原因)?|这个?(?:能|可以)?解释|都在这|说明了一切|"
    r"这(?:就)?是.{0,12}?(?:最主要|最大|主要|根本)的?原因|"
    r"(?:this|that) (?:one|cause)|"
    r"(?:that|this|it)(?:'s| is| was) the (?:main|biggest|primary) (?:cause|reason)|"
    r"\b(?:this|that|it)\s+(?:alone\s+)?(?:explains|accounts for)\b|\b" + _SHARE_OF_IT,
    re.I,
)


def same_turn(item: Item, told_by: Item | None) -> bool:
    """Whether the statement is told in the same line (speaker's turn, prose paragraph) as the one before."""
    return told_by is not None and told_by.line == item.line and told_by.speaker == item.speaker


# "错派问题的原因是…", "X is because …": a phenomenon put right before the cause words is named on purpose
_STATES_PHENOMENON = re.compile(r"的原因是|的原因在于|是因为|\b(?:is|was) (?:because|due to)\b", re.I)


def _names_finding(words: str, findings: Sequence[str]) -> bool:
    """Whether the words name one of the note's goals or shortfalls, or say how something came out
    ("Follow-ups were low", "报损多")."""
    if re.search(rf"(?:{phrases('finding_end').pattern})$", words.strip(" ，,。.;；"), re.I):
        return True
    need = 3 if re.search(r"[\u4e00-\u9fff]", words) else 2  # Chinese bigrams say less than English stems
    return any(drilldown.shared_stems(words, f) >= need for f in findings)


def goes_on(chain: CauseChain, item: Item, told_by: Item | None, findings: Sequence[str]) -> bool:
    """ "根子上是订货。中央工厂按上月日均配货，配额总部定死。", "Root cause: the TTL change went everywhere
    at once. No canary, because config skips the pipeline.": in one turn, a statement goes on with the cause
    being told unless it names a finding of its own ("Follow-ups were low because …", "错派问题的原因是…"),
    is marked as another cause ("另外…", "also", "And …") or as another person's ("马骁补充，…")."""
    named = chain.phenomenon and (
        _names_finding(chain.phenomenon, findings) or _STATES_PHENOMENON.search(item.text)
    )
    if named or not same_turn(item, told_by) or drilldown.starts_separate_cause(item.text):
        return False
    if phrases("separate_lead", anchored=True).search(drilldown.without_teller(item.text)):
        return False  # "And our support queue was understaffed, because …", "再加上…": one more cause
    assert told_by is not None
    teller = drilldown.teller(item.text)
    return teller is None or teller == drilldown.teller(told_by.text)


def answers_why(chains: list[CauseChain], item: Item, told_by: Item | None) -> bool:
    """A five-whys step: "Why did errors double? Because …" right after the cause that errors doubled, also
    when someone else asked the question."""
    question = drilldown.why_about(item.text) or (drilldown.why_about(item.asked) if item.asked else None)
    if question is None or not chains or told_by is None:
        return False
    if not question.strip(" ，,"):
        return _in_same_place(item, told_by)  # "Why?" alone, right after a cause, asks about it
    last = chains[-1]
    return drilldown.asks_about(question, last.root_cause or last.surface_cause or "")


def _in_same_place(item: Item, told_by: Item) -> bool:
    """A bare "Why?" asks about the statement just told when it is asked between two turns of the talk or
    inside one paragraph, not after a heading or a new paragraph."""
    return item.para == told_by.para


# "And it was sized that way because …", "This was because …", "之所以这样，是因为…": the statement's subject
# is the cause just told, pointed at, not a finding of its own
_ANAPHORIC_WHY = re.compile(
    r"^(?:(?:it|they|this|that)\b[^,;:.，。]{0,40}?\b(?:that way|this way|like that|so)\s+because\b"
    r"|(?:this|that|it)(?:'s| was| is| happened| happens) (?:because|due to)\b"
    r"|之所以(?:这样|如此|会这样)|(?:这|那)(?:又|也)?是因为|(?:会)?这样(?:是|又是)因为)",
    re.I,
)


def explains_the_last(item: Item, told_by: Item | None) -> bool:
    """In one turn or paragraph, or at the start of the next speaker's turn, a reason whose subject points at
    the cause just told ("And it was sized that way because …", "And that's because …", "这又是因为…") is
    that cause's reason: one level down, even after "And"."""
    told = drilldown.without_teller(item.text.strip())
    # "那是因为…": "那" points back here, it is no connective to drop
    points = any(_ANAPHORIC_WHY.match(body) for body in (told, drilldown.CONNECTIVE.sub("", told)))
    return (same_turn(item, told_by) or _next_turn(item, told_by)) and points


def _next_turn(item: Item, told_by: Item | None) -> bool:
    """Whether the statement opens the turn of another speaker right after the statement before."""
    return (
        told_by is not None
        and item.speaker is not None
        and told_by.speaker not in (None, item.speaker)
        and item.line == told_by.line + 1
    )


# "Mostly because …", "主要是因为…": a reason that opens with its cause word and names no subject
_BECAUSE_LEAD = re.compile(
    r"^(?:(?:mostly|mainly|largely|partly|probably)\s+)?because\b|^(?:主要|多半|大概)?(?:是)?因为", re.I
)


def explains_what_was_seen(earlier: CauseChain, chain: CauseChain, item: Item, told_by: Item | None) -> bool:
    """ "Vans leave late in the morning. Mostly because the parts aren't picked the night before.": in one
    turn, a bare reason right after a statement with no cause words explains that statement, which is what
    was seen; the statement becomes the chain's phenomenon and the reason its surface cause (True when so)."""
    if not same_turn(item, told_by) or earlier.phenomenon or earlier.root_cause or chain.phenomenon:
        return False
    assert told_by is not None
    seen = clean(told_by.text)
    if earlier.surface_cause != seen or cues.CAUSE.search(told_by.text) or not chain.surface_cause:
        return False
    body = drilldown.CONNECTIVE.sub("", item.text.strip())
    if _BECAUSE_LEAD.match(body) is None:
        return False
    earlier.phenomenon, earlier.surface_cause = seen or "", chain.surface_cause
    earlier.is_main = earlier.is_main or chain.is_main
    earlier.share = earlier.share or chain.share
    earlier.evidence = f"{earlier.evidence}\n{item.evidence}"
    return True


def slot_taken(chain: CauseChain, part: str | None) -> bool:
    """Whether a labelled chain already has the level a new label names (a second "根因：" starts a chain)."""
    if part == "surface":
        return chain.surface_cause is not None or chain.root_cause is not None
    return chain.root_cause is not None


def indented_under(item: Item, told_by: Item) -> bool:
    """A bullet indented under the cause just told (or beside another such detail) tells more of it; a root
    told there ("The root cause is …") is the chain's next level instead."""
    deeper = cues.ROOT.search(item.text) or drilldown.deeper_step(item.text) is not None
    return (
        not deeper
        and item.parent_line is not None
        and item.parent_line in (told_by.line, told_by.parent_line)
    )


def explains_surface(chains: list[CauseChain], chain: CauseChain, item: Item, told_by: Item | None) -> bool:
    """ "工期延误的直接原因是改写量低估。为什么低估？因为只扫了主库。": in one turn, a reason that names no
    phenomenon of its own, told right after a surface cause, explains that cause: one level down."""
    if not chains or told_by is None or chain.phenomenon:
        return False
    earlier = chains[-1]
    return (
        told_by.line == item.line
        and told_by.speaker == item.speaker
        and earlier.surface_cause is not None
        and earlier.root_cause is None
        and drilldown.surface_split(told_by.text) is not None
        and not drilldown.starts_separate_cause(item.text)
    )


def elaborates(item: Item, before: Item) -> bool:
    """ "…because the venue AV was never tested. We had no rehearsal slot.": in one speaker's turn, a
    sentence with no cause words of its own goes on about the cause just given."""
    text = item.text
    return (
        item.speaker is not None
        and item.topic == before.text
        and before.speaker == item.speaker
        and not (cues.CAUSE.search(text) or cues.MAIN_CAUSE.search(text) or cues.ROOT.search(text))
        and drilldown.deeper_step(text) is None
        and not drilldown.starts_separate_cause(text)
    )


def _joined(first: str | None, second: str | None) -> str | None:
    """Two levels of a chain in one field, with the separator of their language."""
    parts = [p for p in (first, second) if p]
    separator = "；" if any(re.search(r"[\u4e00-\u9fff]", p) for p in parts) else "; "
    return separator.join(parts) or None


def add_detail(chain: CauseChain, item: Item) -> None:
    """The detail joins the deepest level the chain has."""
    detail = clean(item.text)
    if chain.root_cause:
        chain.root_cause = _joined(chain.root_cause, detail)
    else:
        chain.surface_cause = _joined(chain.surface_cause, detail)
    chain.evidence = f"{chain.evidence}\n{item.evidence}"


_DEMONSTRATIVE = re.compile(r"^(?:this|that|these|it|这|那)", re.I)


_CLAUSE_END = re.compile(r"[，,;；:：]|\s(?:and|which|so)\s", re.I)
_VERB = re.compile(
    r"\b(?:is|are|was|were|had|has|have|did|does|do|could|would|never|not)\b|n't|没|不|是|有", re.I
)


def restates(chain: CauseChain) -> bool:
    """ "归根结底是这一条", "the root cause was this dependence on one sponsor": words that point back at a
    cause and say nothing new ("the root cause is that this service had no owner" says something)."""
    own = chain.root_cause or chain.surface_cause or ""
    if _DEMONSTRATIVE.match(own) is None:
        return False
    clause = _CLAUSE_END.split(own, maxsplit=1)[0]
    short = len(re.findall(r"[A-Za-z]+", clause)) <= 6 and len(re.findall(r"[\u4e00-\u9fff]", clause)) <= 5
    return short and _VERB.search(clause[1:]) is None


def points_back(chains: list[CauseChain], chain: CauseChain, text: str, *, just_told: bool = False) -> bool:
    """Folds a remark on an earlier cause into it ("这是主因", "The root cause was this dependence, and it
    explains two thirds", "So the outdated plan is the main cause"); True when the remark was folded. Words
    of its own that the cause lacks join it."""
    named = named_main(text)
    if named is not None and not BACK_REFERENCE.search(text):
        earlier = max(reversed(chains), key=lambda c: drilldown.shared_stems(chain_words(c), named))
        if drilldown.shared_stems(chain_words(earlier), named) < 1:
            return False
        _fold(earlier, chain, named)
        return True
    # "And that's most of the empty-station problem.", "ROI 的问题八成是这个": a short remark pointing back
    pointing = _POINTS_AT_END.search(text.strip()) or phrases("points_back").search(text)
    short_remark = pointing is not None and _few_words(text)
    if not (BACK_REFERENCE.search(text) or short_remark):
        return False
    # in the same turn "这一条" is the cause just told; else the cause whose words the remark repeats
    earlier = (
        chains[-1] if just_told else max(reversed(chains), key=lambda c: _shared_words(chain_words(c), text))
    )
    restating = restates(chain)
    if not (chain.is_main or restating):
        return False
    if not (restating or similarity(chain_words(earlier), text) > 0.05 or not chain.root_cause):
        return False
    remark = (
        restating or _POINTS_AT_END.search(text.strip()) is not None or _WEIGHS_BACK.match(text) is not None
    )
    _fold(earlier, chain, None if remark else chain.root_cause or chain.surface_cause)
    return True


# "We believe this explains about 75% of the off-shade batches; …": a sentence that opens by weighing the
# cause just told says nothing of its own about it (what follows ";" tells the rest of the gap, no root)
_WEIGHS_BACK = re.compile(
    r"^(?:(?:so|and)\s+)?(?:(?:we|i)\s+(?:believe|think|estimate|reckon|guess)\s+(?:that\s+)?|i'd say\s+)?"
    r"(?:(?:this|that|it)\s+(?:alone\s+)?(?:explains|accounts\s+for)\b|"
    + _SHARE_OF_IT
    + r")[^;；.。]*(?:[;；.。]|$)"
    r"|^(?:我|我们)(?:觉得|看|估计|认为)?[，,]?(?:" + _SHARE_OF_IT + r")[^;；。]*(?:[;；。]|$)",
    re.I,
)


def _few_words(text: str, latin: int = 10, han: int = 12) -> bool:
    return len(re.findall(r"[A-Za-z]+", text)) <= latin and len(re.findall(r"[\u4e00-\u9fff]", text)) <= han


def _fold(earlier: CauseChain, chain: CauseChain, words: str | None) -> None:
    """The remark's flags go to the earlier cause, and its words when they are new to it."""
    earlier.is_main = earlier.is_main or chain.is_main
    earlier.share = earlier.share or chain.share
    earlier.evidence = f"{earlier.evidence}\n{chain.evidence}"
    says_something = words is not None and not _few_words(words, latin=2, han=3)  # "同意", "Agreed"
    if (
        words
        and says_something
        and similarity(words, chain_words(earlier)) < 0.3
        and words not in chain_words(earlier)
    ):
        if earlier.root_cause:
            earlier.root_cause = _joined(earlier.root_cause, words)
        else:
            earlier.root_cause = words


_DETERMINER = re.compile(r"^(?:the|our)\s+", re.I)


def continues_drill_down(earlier: CauseChain, chain: CauseChain, text: str, drilling: bool) -> bool:
    """ "现象是…，表面原因是…。" then "根本原因是…": the second sentence finishes the first one's chain;
    so does a root told after a step down ("往深层看，是…。根子上，是…")."""
    opens_with_root = ROOT_MARK.match(_DETERMINER.sub("", drilldown.CONNECTIVE.sub("", text.strip())))
    return (
        (earlier.root_cause is None or drilling)
        and (earlier.surface_cause is not None or earlier.root_cause is not None)
        and chain.root_cause is not None
        and not restates(chain)
        and opens_with_root is not None
    )


def go_deeper(earlier: CauseChain, chain: CauseChain, step: str | None) -> None:
    """The deepest level told so far is the root; the levels above it join the surface cause."""
    deeper = chain.root_cause or clean(step) or chain.surface_cause
    if earlier.root_cause and deeper:
        earlier.surface_cause = _joined(earlier.surface_cause, earlier.root_cause)
    earlier.root_cause = deeper or earlier.root_cause
    earlier.is_main = earlier.is_main or chain.is_main
    earlier.share = earlier.share or chain.share
    earlier.evidence = f"{earlier.evidence}\n{chain.evidence}"


def _shared_words(a: str, b: str) -> int:
    """Content words two texts share: Chinese bigrams and English words of five letters or more."""
    grams = [{g for g in bigrams(t) if not g.isascii() or len(g) >= 5} for t in (a, b)]
    return len(grams[0] & grams[1])
