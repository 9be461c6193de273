"""Cause chains from cause language: phenomenon → surface cause → root cause, and the main cause."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from coach.domain.retrospective import CauseChain
from coach.notes import cues, drilldown, prose
from coach.notes.segment import Item
from coach.notes.similarity import bigrams, similarity
from coach.notes.wordlists import phrases

_SURFACE_ROOT = re.compile(
    r"(?:表面上?看?是?|直接原因是?)(?P<surface>.+?)[，,]\s*(?:但是?|"
    r"而)?\s*(?:真正的原因|根本原因|根因|根子)(?:是|在于|就是)?"
    r"(?P<root>.+)"
)
_ROOT_MARK = re.compile(
    r"(?:根本原因|根因|归根结底|说到底|根子还是在|根子上|根子|真正的原因|根源|深层原因|本质上|"
    r"root cause|(?:underlying|fundamental|deeper) (?:cause|reason|problem))"
    r"(?:\s*(?:就是|是|在于|还是在|is|was|:)(?:\s+that\b)?)?\s*",
    re.I,
)
_SURFACE_MARK = re.compile(
    r"(?:直接原因是|原因是|原因就是|是因为|因为|由于|主要是因为|主要是|"
    r"\bbecause(?: of)?\b|\bdue to\b|\bcaused by\b|"
    r"\bthe reason (?:is|was)\b|\bstems? from\b|\bdriven by\b|"
    r"\bcontributing factor (?:is|was)(?: that)?\b|诱因是|导火索是)\s*",
    re.I,
)
_SHARE_WORDS = {
    "九成": 0.9,
    "八九成": 0.85,
    "八成": 0.8,
    "七八成": 0.75,
    "七成": 0.7,
    "六成": 0.6,
    "一半": 0.5,
    "四分之三": 0.75,
    "三分之二": 0.67,
    "three quarters": 0.75,
    "three-quarters": 0.75,
    "two thirds": 0.67,
    "two-thirds": 0.67,
}
# "… This is the root cause", "…，这就是根本原因": the root mark points back at the words before it
_ROOT_NAMED_BEFORE = re.compile(
    r"(?:(?<=[.!;。；！，,])|^)\s*(?:and\s+)?(?:this|that|it)(?:'s|\s+is|\s+was)\s+(?:the|our)\s+$|"
    r"(?:(?<=[。；！，,])|^)\s*(?:这|那)(?:就|才|个|也)?是$",
    re.I,
)
_PERCENT = re.compile(r"(\d{1,3})\s*%")
_EMPTY_CAUSE = re.compile(r"^(?:但是?)?这个?(?:不是|才是)?(?:根本原因|主因|原因)[。.]?$")
# "ROI 的问题八成是这个", "Most of the gap was this.": the pointing word closes the remark
_POINTS_AT_END = re.compile(
    r"(?:就?是|都是|在)(?:这个|这条|这一条|它)[。.!！]?$|\b(?:is|was) (?:this|that|it)\b\.?$"
)
_BACK_REFERENCE = re.compile(
    r"这一?个原因|这个原因|这一?条|这是主因|这(?:就)?是(?:最主要|最大|主要)的(?:原因)?|这个?(?:能|可以)?解释|都在这|说明了一切|"
    r"这(?:就)?是.{0,12}?(?:最主要|最大|主要|根本)的?原因|"
    r"(?:this|that) (?:one|cause)|"
    r"(?:that|this|it)(?:'s| is| was) the (?:main|biggest|primary) (?:cause|reason)|"
    r"\b(?:this|that|it)\s+(?:alone\s+)?(?:explains|accounts for)\b",
    re.I,
)


def share_of(text: str) -> float | None:
    """The share of the gap a cause is said to explain ("八九成" → 0.85, "80%" → 0.8)."""
    for word, share in sorted(_SHARE_WORDS.items(), key=lambda kv: -len(kv[0])):
        if word in text:
            return share
    m = _PERCENT.search(text)
    if m and cues.MAIN_CAUSE.search(text):
        value = int(m.group(1))
        return value / 100 if 0 < value <= 100 else None
    return None


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = re.sub(r"(这是主因|这是最主要的|这条能解释.*|这个能解释.*|首响超时大头都在这)[。.]?$", "", text)
    text = re.sub(r"^[ ，,]*(?:是(?!否)|就是|在于)", "", text.strip(" ，,。.;；:："))
    return text or None


def _phenomenon(text: str, cut: int) -> str | None:
    head = drilldown.without_teller(re.sub(r"^\[[\d:]+\]\s*", "", text[:cut])).strip(" ，,。：:")
    head = re.sub(r"^why\s*\d{1,2}\s*[:：.、]\s*", "", head, flags=re.I)
    head = re.sub(
        r"为什么|为啥|是$|之所以|^(?:mostly|mainly|largely|partly|主要|大多)$", "", head, flags=re.I
    )
    head = re.sub(r"\b(?:the|our|a|an|and|but)$", "", head.strip(" ，,？?"), flags=re.I).strip(" ，,？?")
    return head if len(head) >= 2 else None


# "X is the root cause", "X才是根本原因": the words before the mark name the cause
_SUBJECT_IS = re.compile(
    r"(?P<subject>[^.;:!?。；：！？]{3,}?)\s+(?:is|was)\s+(?:the|our)(?:\s+(?:real|actual|true))?\s*$|"
    r"(?P<zh>[^。；：！？，,]{2,}?)(?:就|才|也)?是$",
    re.I,
)
_DEMONSTRATIVE_SUBJECT = re.compile(r"^(?:this|that|it|这|那)(?:\s|个|一?条|$)", re.I)


def _subject_named(text: str, mark: int) -> str | None:
    """The cause a statement names before "is the root/main cause" ("this"/"这个" name none of their own)."""
    m = _SUBJECT_IS.search(drilldown.without_teller(text[:mark]))
    if m is None:
        return None
    subject = drilldown.CONNECTIVE.sub("", (m.group("subject") or m.group("zh") or "").strip(" ，,"))
    return None if _DEMONSTRATIVE_SUBJECT.match(subject) or len(subject) < 2 else subject


_MAIN_NAMED = re.compile(
    r"\s+(?:is|was)\s+(?:the|our)\s+(?:main|primary|biggest|real)\s+(?:cause|reason|driver|problem)|"
    r"(?:就|才|也)?是(?:最大的|最主要的)?主因",
    re.I,
)


def named_main(text: str) -> str | None:
    """ "So the outdated plan is the main cause", "我也认为订货配额是主因": the cause named main."""
    m = _MAIN_NAMED.search(text)
    if m is None:
        return None
    head = re.sub(r"^.*?(?:认为|觉得|看来|说)", "", drilldown.without_teller(text[: m.start()]))
    subject = drilldown.CONNECTIVE.sub("", re.sub(r"^(?:okay|ok|so|right)[,，]?\s*", "", head, flags=re.I))
    subject = subject.strip(" ，,")
    return None if _DEMONSTRATIVE_SUBJECT.match(subject) or len(subject) < 2 else subject


_TAGGED_ROOT = re.compile(
    r"[（(](?=[^（()）]*(?:根本原因|根因|主因|root cause|main cause))[^（()）]*[)）][。.]?\s*$", re.I
)


def chain_of(item: Item) -> CauseChain | None:
    """A chain from one cause statement; None when the statement has no content of its own."""
    text = item.text.strip()
    if _EMPTY_CAUSE.match(text):
        return None
    tagged = _TAGGED_ROOT.search(text)
    if tagged is not None:
        # "因为没人负责标签维护（根本原因）", "… (root cause, ~70%)": the tag says what the statement is
        bare = CauseChain(phenomenon="", surface_cause=None, root_cause=None, evidence=item.evidence)
        untagged = chain_of(dataclasses.replace(item, text=text[: tagged.start()].rstrip(" ，,。.;；")))
        chain = untagged or bare
        chain.root_cause = chain.root_cause or chain.surface_cause
        chain.surface_cause = None if chain.root_cause == chain.surface_cause else chain.surface_cause
        chain.is_main = chain.is_main or cues.MAIN_CAUSE.search(tagged.group(0)) is not None
        chain.share = chain.share or share_of(tagged.group(0))
        return chain if chain.root_cause else None
    phenomenon: str | None = None
    surface: str | None = None
    root: str | None = None
    both = _SURFACE_ROOT.search(text)
    if both:
        surface, root = both.group("surface"), both.group("root")
        phenomenon = _phenomenon(text, both.start())
    else:
        root_m = _ROOT_MARK.search(text)
        surface_m = _SURFACE_MARK.search(text)
        surface_split = drilldown.surface_split(text)
        named_before = _ROOT_NAMED_BEFORE.search(text[: root_m.start()]) if root_m else None
        subject = _subject_named(text, root_m.start()) if root_m else None
        if root_m and subject and re.match(r"\s*(?:$|[,，;；.。!！]|and\b)", text[root_m.end() :]):
            # "… the mandatory bank connection is the root cause, and …": the subject is the root
            root = subject
        elif root_m and named_before and surface_m and surface_m.end() < named_before.start():
            # "Because we only test on Wi-Fi. This is the root cause …": the root is what came before
            root = text[surface_m.end() : named_before.start()]
            phenomenon = _phenomenon(text, surface_m.start())
        elif root_m and named_before and named_before.start() > 0:
            root = text[: named_before.start()]  # "…没有签字确认的环节，这是根本原因。"
        elif root_m:
            root = text[root_m.end() :]
            phenomenon = _phenomenon(text, root_m.start())
        elif surface_split is not None and surface_split[1]:
            seen, surface = surface_split
            phenomenon = seen if len(seen) >= 2 else None
        elif surface_m:
            surface = text[surface_m.end() :]
            phenomenon = _phenomenon(text, surface_m.start())
        elif (told := drilldown.told_about(text)) is not None:
            phenomenon, _, surface = told  # "坏果率高，何磊认为主要跟包装有关：…"
        else:
            surface = text
    main = cues.MAIN_CAUSE.search(text) is not None
    return CauseChain(
        phenomenon=phenomenon or "",
        surface_cause=_clean(surface),
        root_cause=_clean(root),
        share=share_of(text) if main else None,
        is_main=main,
        evidence=item.evidence,
    )


def build_chains(items: list[Item], findings: Sequence[str] = ()) -> list[CauseChain]:
    """One chain per cause; a drill-down told over several statements ("表面上…；往深层看…。根子上…")
    is one chain, and a statement pointing back ("这一个原因") marks an earlier one main. `findings` are
    the note's goals and shortfalls: what a new chain explains."""
    story = _Story(findings=list(findings))
    for item in items:
        story.read(item)
    unexplained = chain_of(story.seen) if story.seen is not None else None
    if unexplained is not None:  # "The outage started with a bad push." and nothing after: that is the cause
        story.chains.append(unexplained)
    # "现象：…" with no cause labelled after it names a finding, not a cause
    chains = [c for c in story.chains if c.surface_cause or c.root_cause]
    chains = _without_lists_of_told(_merge_twins(_without_early_summaries(chains, story.summaries)))
    _one_main(chains)
    rooted = [c for c in chains if c.root_cause]
    if not any(c.is_main for c in chains) and len(rooted) == 1:
        rooted[0].is_main = True  # the one cause the note calls the root is the one it explains the gap by
    for chain in chains:
        if not chain.phenomenon:
            chain.phenomenon = chain.surface_cause or chain.root_cause or ""
    return chains


@dataclass
class _Story:
    """The causes read so far, and where the telling of the last one stands."""

    chains: list[CauseChain] = field(default_factory=list)
    drilling: set[int] = field(default_factory=set)  # chains a step down was told for
    seen: Item | None = None  # "X has a simpler explanation": what the next cause explains
    deeper_next: bool = False  # "But the real problem sits deeper.": the next cause is one level down
    last: Item | None = None  # the statement that last added to the last chain
    labelled: CauseChain | None = None  # the chain whose levels are being told with labels ("表因：…")
    labelled_under: tuple[str | None, int] | None = None  # the heading and paragraph it is told under
    summaries: set[int] = field(default_factory=set)  # chains a summary started, before what it sums up
    findings: list[str] = field(default_factory=list)  # goal names and shortfalls: what a chain explains

    def read(self, item: Item) -> None:
        """Add one cause statement: a new chain, a step of the last one, or a remark on an earlier one."""
        told_by, self.last = self.last, None
        text = item.text.strip()
        if item.part is not None:
            self._read_part(item, told_by)
            return
        self.labelled = None
        if (
            self.chains
            and told_by is not None
            and phrases("detail_lead", anchored=True).search(
                drilldown.CONNECTIVE.sub("", drilldown.without_teller(text))
            )
        ):
            _add_detail(self.chains[-1], item)  # "比如上周三的单子…", "For example, …": an instance of it
            self.last = item
            return
        if self.chains and told_by is not None and _indented_under(item, told_by):
            _add_detail(self.chains[-1], item)  # "- 知识库更新慢" / "  - 新产品的条目还没写": one cause
            self.last = item
            return
        if self.chains and told_by is not None and _elaborates(item, told_by):
            _add_detail(self.chains[-1], item)
            self.last = item
            return
        if drilldown.remarks_on_causes(text) or drilldown.is_undecided(text):
            return
        summary = prose.is_summary(text)
        if summary and self.chains and _sums_up(self.chains, item):
            return
        if drilldown.introduces_causes(text):
            self.seen, self.deeper_next = item, False
            return
        step = drilldown.deeper_step(text)
        if step == "":
            self.deeper_next = bool(self.chains)
            return
        if step is not None and drilldown.surface_split(text) is not None:
            step = None  # "再往下看，表面上是…": a surface cause opens a drill-down of its own
        chain = chain_of(item)
        if chain is not None:
            why_step = _answers_why(self.chains, item, told_by)
            explains = _explains_surface(self.chains, chain, item, told_by)
            deeper = step is not None or self.deeper_next or explains
            count = len(self.chains)
            self._add(chain, item, goes_deeper=deeper, step=step, why_step=why_step, told_by=told_by)
            if summary and len(self.chains) > count:
                self.summaries.add(id(self.chains[-1]))  # "TL;DR: … because …" before the causes it sums up

    def _read_part(self, item: Item, told_by: Item | None) -> None:
        """ "现象：…" / "表因：…" / "根因：…" / "主因：…": the labelled levels of one chain, in any order;
        "数据：…" under a cause is its evidence, no cause of its own."""
        part = item.part
        chain = chain_of(item)
        if chain is None or part == "evidence":
            self.last = item if part == "evidence" and self.chains else None
            return
        own = _clean(item.text) or ""
        told = self.labelled if self.labelled_under == (item.heading, item.para) else None
        self.labelled_under = (item.heading, item.para)
        if told_by is not None and item.parent_line == told_by.line and self.chains and part != "phenomenon":
            # "1. Resolution rate low" / "   Cause: …": the line above the labels names what they explain
            told = self.chains[-1]
            told.phenomenon, told.surface_cause, told.root_cause = _clean(told_by.text) or "", None, None
        if part == "phenomenon" or told is None or part == "secondary" or _slot_taken(told, part):
            fresh = CauseChain(phenomenon="", surface_cause=None, root_cause=None, evidence=item.evidence)
            self.chains.append(fresh)
            told = fresh
            self.labelled = None if part == "secondary" else fresh
        else:
            told.evidence = f"{told.evidence}\n{item.evidence}"
        if part == "phenomenon":
            told.phenomenon = own
        elif part in ("surface", "secondary"):
            told.surface_cause = own
        else:
            told.root_cause = own
        told.is_main = told.is_main or chain.is_main or part == "main"
        told.share = told.share or chain.share
        self.last = item

    def _add(
        self,
        chain: CauseChain,
        item: Item,
        *,
        goes_deeper: bool,
        step: str | None,
        why_step: bool = False,
        told_by: Item | None = None,
    ) -> None:
        self.deeper_next = False
        seen, self.seen = self.seen, None  # the next statement answers an introduction, whatever it is
        chains = self.chains
        if why_step:  # a five-whys step is one level down, whatever else it says ("This is the root cause")
            _go_deeper(chains[-1], chain, None)
            self.drilling.add(id(chains[-1]))
        elif chains and _continues_drill_down(chains[-1], chain, item.text, id(chains[-1]) in self.drilling):
            _go_deeper(chains[-1], chain, None)
        elif chains and _points_back(chains, chain, item.text, just_told=_same_turn(item, told_by)):
            return
        elif chains and goes_deeper and not drilldown.starts_separate_cause(item.text):
            _go_deeper(chains[-1], chain, step)
            self.drilling.add(id(chains[-1]))
        elif chains and seen is None and _goes_on(chain, item, told_by, self.findings):
            if chain.root_cause:
                _go_deeper(chains[-1], chain, None)
            else:
                _add_detail(chains[-1], item)
                chains[-1].is_main = chains[-1].is_main or chain.is_main
                chains[-1].share = chains[-1].share or chain.share
        elif _restates(chain) and _BACK_REFERENCE.search(item.text):
            return  # "That explains most of the gap." with no cause before it to point at
        else:
            if not chain.phenomenon and seen is not None:
                chain.phenomenon = _clean(seen.text) or ""
            chains.append(chain)
        self.last = item


def _same_turn(item: Item, told_by: Item | None) -> bool:
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


def _goes_on(chain: CauseChain, item: Item, told_by: Item | None, findings: Sequence[str]) -> bool:
    """ "根子上是订货。中央工厂按上月日均配货，配额总部定死。", "Root cause: the TTL change went everywhere
    at once. No canary, because config skips the pipeline.": in one turn, a statement goes on with the cause
    being told unless it names a finding of its own ("Follow-ups were low because …", "错派问题的原因是…"),
    is marked as another cause ("另外…", "also", "And …") or as another person's ("马骁补充，…")."""
    named = chain.phenomenon and (
        _names_finding(chain.phenomenon, findings) or _STATES_PHENOMENON.search(item.text)
    )
    if named or not _same_turn(item, told_by) or drilldown.starts_separate_cause(item.text):
        return False
    if phrases("separate_lead", anchored=True).search(drilldown.without_teller(item.text)):
        return False  # "And our support queue was understaffed, because …", "再加上…": one more cause
    assert told_by is not None
    teller = drilldown.teller(item.text)
    return teller is None or teller == drilldown.teller(told_by.text)


def _without_early_summaries(chains: list[CauseChain], summaries: set[int]) -> list[CauseChain]:
    """A summary told first ("TL;DR: late because a bank file was rejected") names causes told again later:
    its flags go to the later chain it shares words with, and it adds no chain of its own."""
    kept = []
    for chain in chains:
        if id(chain) in summaries:
            later = [c for c in chains if id(c) not in summaries]
            best = max(later, key=lambda c: drilldown.shared_stems(_words(c), _words(chain)), default=None)
            if best is not None and drilldown.shared_stems(_words(best), _words(chain)) >= 2:
                best.is_main, best.share = best.is_main or chain.is_main, best.share or chain.share
                continue
        kept.append(chain)
    return kept


def _sums_up(chains: list[CauseChain], item: Item) -> bool:
    """ "To sum up, we lost mainly because legal review took six weeks": a summary names a cause already
    told; its flags go to that cause (True), and it adds no chain. A summary naming a new cause is one."""
    chain = chain_of(item)
    words = " ".join(filter(None, (chain.surface_cause, chain.root_cause))) if chain else item.text
    best = max(chains, key=lambda c: drilldown.shared_stems(_words(c), words))
    if drilldown.shared_stems(_words(best), words) < 2:
        return False
    if chain is not None and chain.is_main and not any(c.is_main for c in chains):
        best.is_main, best.share = True, best.share or chain.share
    best.evidence = f"{best.evidence}\n{item.evidence}"
    return True


def _answers_why(chains: list[CauseChain], item: Item, told_by: Item | None) -> bool:
    """A five-whys step: "Why did errors double? Because …" right after the cause that errors doubled, also
    when someone else asked the question."""
    question = drilldown.why_about(item.text) or (drilldown.why_about(item.asked) if item.asked else None)
    if question is None or not chains or told_by is None:
        return False
    last = chains[-1]
    return drilldown.asks_about(question, last.root_cause or last.surface_cause or "")


def _slot_taken(chain: CauseChain, part: str | None) -> bool:
    """Whether a labelled chain already has the level a new label names (a second "根因：" starts a chain)."""
    if part == "surface":
        return chain.surface_cause is not None or chain.root_cause is not None
    return chain.root_cause is not None


def _indented_under(item: Item, told_by: Item) -> bool:
    """A bullet indented under the cause just told (or beside another such detail) tells more of it; a root
    told there ("The root cause is …") is the chain's next level instead."""
    deeper = cues.ROOT.search(item.text) or drilldown.deeper_step(item.text) is not None
    return (
        not deeper
        and item.parent_line is not None
        and item.parent_line in (told_by.line, told_by.parent_line)
    )


def _explains_surface(chains: list[CauseChain], chain: CauseChain, item: Item, told_by: Item | None) -> bool:
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


def _merge_twins(chains: list[CauseChain], threshold: float = 0.72) -> list[CauseChain]:
    """A cause told twice (in the summary and again under "Why", or named in a list of contributing factors
    and then told in full) is one chain, in its fuller telling, with the flags of both."""
    kept: list[CauseChain] = []
    for chain in chains:
        twin = next((k for k in kept if _twins(k, chain, threshold)), None)
        if twin is None:
            kept.append(chain)
            continue
        if len(_cause_words(chain)) > len(_cause_words(twin)):
            twin.phenomenon, twin.surface_cause, twin.root_cause = (
                chain.phenomenon,
                chain.surface_cause,
                chain.root_cause,
            )
        twin.is_main = twin.is_main or chain.is_main
        twin.share = twin.share or chain.share
        twin.evidence = f"{twin.evidence}\n{chain.evidence}"
    return kept


_LISTING = re.compile(r"\band\b|[,，、和及与]")


def _without_lists_of_told(chains: list[CauseChain]) -> list[CauseChain]:
    """ "Contributing factors: a stale cache config and missing alerting", with each factor told in full
    elsewhere: the list names causes the note has, it is none of its own; its flags go to the first."""
    kept = list(chains)
    for chain in chains:
        own = drilldown.stems(_cause_words(chain))
        others = [c for c in kept if c is not chain]
        if len(own) < _CONTAINED_MIN_WORDS or not _LISTING.search(_cause_words(chain)):
            continue
        covering = [c for c in others if own & drilldown.stems(_cause_words(c))]
        told = set().union(*(drilldown.stems(_cause_words(c)) for c in covering)) if covering else set()
        if len(covering) >= 2 and len(own & told) >= _CONTAINED * len(own):
            covering[0].is_main = covering[0].is_main or chain.is_main
            kept.remove(chain)
    return kept


def _cause_words(chain: CauseChain) -> str:
    return " ".join(filter(None, (chain.surface_cause, chain.root_cause)))


_CONTAINED = 0.8  # share of the shorter telling's content words the longer one repeats
_CONTAINED_MIN_WORDS = 4


def _twins(a: CauseChain, b: CauseChain, threshold: float) -> bool:
    if similarity(_words(a), _words(b)) >= threshold:
        return True
    stems = [drilldown.stems(_cause_words(c)) for c in (a, b)]
    shorter = min(stems, key=len)
    return len(shorter) >= _CONTAINED_MIN_WORDS and len(stems[0] & stems[1]) >= _CONTAINED * len(shorter)


def _elaborates(item: Item, before: Item) -> bool:
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


def _add_detail(chain: CauseChain, item: Item) -> None:
    """The detail joins the deepest level the chain has."""
    detail = _clean(item.text)
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


def _restates(chain: CauseChain) -> bool:
    """ "归根结底是这一条", "the root cause was this dependence on one sponsor": words that point back at a
    cause and say nothing new ("the root cause is that this service had no owner" says something)."""
    own = chain.root_cause or chain.surface_cause or ""
    if _DEMONSTRATIVE.match(own) is None:
        return False
    clause = _CLAUSE_END.split(own, maxsplit=1)[0]
    short = len(re.findall(r"[A-Za-z]+", clause)) <= 6 and len(re.findall(r"[\u4e00-\u9fff]", clause)) <= 5
    return short and _VERB.search(clause[1:]) is None


def _points_back(chains: list[CauseChain], chain: CauseChain, text: str, *, just_told: bool = False) -> bool:
    """Folds a remark on an earlier cause into it ("这是主因", "The root cause was this dependence, and it
    explains two thirds", "So the outdated plan is the main cause"); True when the remark was folded. Words
    of its own that the cause lacks join it."""
    named = named_main(text)
    if named is not None and not _BACK_REFERENCE.search(text):
        earlier = max(reversed(chains), key=lambda c: drilldown.shared_stems(_words(c), named))
        if drilldown.shared_stems(_words(earlier), named) < 1:
            return False
        _fold(earlier, chain, named)
        return True
    # "And that's most of the empty-station problem.", "ROI 的问题八成是这个": a short remark pointing back
    pointing = _POINTS_AT_END.search(text.strip()) or phrases("points_back").search(text)
    short_remark = pointing is not None and _few_words(text)
    if not (_BACK_REFERENCE.search(text) or short_remark):
        return False
    # in the same turn "这一条" is the cause just told; else the cause whose words the remark repeats
    earlier = chains[-1] if just_told else max(reversed(chains), key=lambda c: _shared_words(_words(c), text))
    restates = _restates(chain)
    if not (chain.is_main or restates):
        return False
    if not (restates or similarity(_words(earlier), text) > 0.05 or not chain.root_cause):
        return False
    remark = restates or _POINTS_AT_END.search(text.strip()) is not None
    _fold(earlier, chain, None if remark else chain.root_cause or chain.surface_cause)
    return True


def _few_words(text: str, latin: int = 10, han: int = 12) -> bool:
    return len(re.findall(r"[A-Za-z]+", text)) <= latin and len(re.findall(r"[\u4e00-\u9fff]", text)) <= han


def _fold(earlier: CauseChain, chain: CauseChain, words: str | None) -> None:
    """The remark's flags go to the earlier cause, and its words when they are new to it."""
    earlier.is_main = earlier.is_main or chain.is_main
    earlier.share = earlier.share or chain.share
    earlier.evidence = f"{earlier.evidence}\n{chain.evidence}"
    says_something = words is not None and not _few_words(words, latin=2, han=3)  # "同意", "Agreed"
    if words and says_something and similarity(words, _words(earlier)) < 0.3 and words not in _words(earlier):
        if earlier.root_cause:
            earlier.root_cause = _joined(earlier.root_cause, words)
        else:
            earlier.root_cause = words


_DETERMINER = re.compile(r"^(?:the|our)\s+", re.I)


def _continues_drill_down(earlier: CauseChain, chain: CauseChain, text: str, drilling: bool) -> bool:
    """ "现象是…，表面原因是…。" then "根本原因是…": the second sentence finishes the first one's chain;
    so does a root told after a step down ("往深层看，是…。根子上，是…")."""
    opens_with_root = _ROOT_MARK.match(_DETERMINER.sub("", drilldown.CONNECTIVE.sub("", text.strip())))
    return (
        (earlier.root_cause is None or drilling)
        and (earlier.surface_cause is not None or earlier.root_cause is not None)
        and chain.root_cause is not None
        and not _restates(chain)
        and opens_with_root is not None
    )


def _go_deeper(earlier: CauseChain, chain: CauseChain, step: str | None) -> None:
    """The deepest level told so far is the root; the levels above it join the surface cause."""
    deeper = chain.root_cause or _clean(step) or chain.surface_cause
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


def _words(chain: CauseChain) -> str:
    return " ".join(filter(None, (chain.phenomenon, chain.surface_cause, chain.root_cause)))


def _one_main(chains: list[CauseChain]) -> None:
    """At most one main cause: the largest share, else the deepest (root) among those flagged."""
    flagged = [c for c in chains if c.is_main]
    if len(flagged) <= 1:
        return
    best = max(flagged, key=lambda c: (c.share or 0, c.root_cause is not None))
    for chain in flagged:
        chain.is_main = chain is best
