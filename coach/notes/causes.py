"""Cause chains from cause language: phenomenon → surface cause → root cause, and the main cause. A note's
cause statements are read in order as one story (cause_statement reads each, continuation decides whether it
goes on with the chain before, chain_merge tidies the chains once all are read)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field

from coach.domain.retrospective import CauseChain
from coach.notes import drilldown, prose
from coach.notes.cause_statement import chain_of, clean, counts_out_reasons, share_of, shared_out
from coach.notes.chain_merge import (
    merge_twins,
    one_main,
    sums_up,
    without_early_summaries,
    without_lists_of_told,
)
from coach.notes.continuation import (
    BACK_REFERENCE,
    add_detail,
    answers_why,
    continues_drill_down,
    elaborates,
    explains_surface,
    explains_the_last,
    explains_what_was_seen,
    go_deeper,
    goes_on,
    indented_under,
    points_back,
    restates,
    same_turn,
    slot_taken,
)
from coach.notes.finding_cues import is_bare_share
from coach.notes.segment import Item
from coach.notes.wordlists import phrases, word_set


def build_chains(
    items: list[Item], findings: Sequence[str] = (), told: Sequence[str] = ()
) -> list[CauseChain]:
    """One chain per cause; a drill-down told over several statements ("表面上…；往深层看…。根子上…")
    is one chain, and a statement pointing back ("这一个原因") marks an earlier one main. `findings` are
    the note's goals and shortfalls: what a new chain explains; `told` the shortfalls in full."""
    story = _Story(findings=list(findings), told=list(told))
    for item in items:
        counted = counts_out_reasons(item.text)
        for k, piece in enumerate(shared_out(item)):
            if k or counted:
                # the second share is a cause beside the first, not more of it; reasons counted out
                # ("一是…，二是…") start afresh
                story.last = None
            story.read(piece)
    unexplained = chain_of(story.seen) if story.seen is not None else None
    if unexplained is not None:  # "The outage started with a bad push." and nothing after: that is the cause
        story.chains.append(unexplained)
    # "现象：…" with no cause labelled after it names a finding, not a cause
    chains = [c for c in story.chains if c.surface_cause or c.root_cause]
    chains = without_lists_of_told(merge_twins(without_early_summaries(chains, story.summaries)))
    one_main(chains)
    rooted = [c for c in chains if c.root_cause]
    if not any(c.is_main for c in chains) and len(rooted) == 1:
        rooted[0].is_main = True  # the one cause the note calls the root is the one it explains the gap by
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
    told: list[str] = field(default_factory=list)  # the shortfalls in full ("…, and pick-ups were late")

    def read(self, item: Item) -> None:
        """Add one cause statement: a new chain, a step of the last one, or a remark on an earlier one."""
        told_by, self.last = self.last, None
        text = item.text.strip()
        if item.part is not None:
            self._read_part(item, told_by)
            return
        self.labelled = None
        if self.chains and (told_by is not None or item.asked) and is_bare_share(text):
            self._weigh_last(item)  # "这个占赔付多少？" — "我觉得七成。": the weight of the cause just told
            return
        if self.chains and told_by is not None and _asked_and_weighed(text):
            self._weigh_last(item)  # "裴经理问这个占多少，鲁建的判断是七成左右是扫码卡顿造成的"
            return
        if (
            self.chains
            and told_by is not None
            and phrases("detail_lead", anchored=True).search(
                drilldown.CONNECTIVE.sub("", drilldown.without_teller(text))
            )
        ):
            add_detail(self.chains[-1], item)  # "比如上周三的单子…", "For example, …": an instance of it
            self.last = item
            return
        if self.chains and told_by is not None and indented_under(item, told_by):
            add_detail(self.chains[-1], item)  # "- 知识库更新慢" / "  - 新产品的条目还没写": one cause
            self.last = item
            return
        if self.chains and told_by is not None and elaborates(item, told_by):
            add_detail(self.chains[-1], item)
            self.last = item
            return
        if drilldown.remarks_on_causes(text) or drilldown.is_undecided(text):
            return
        summary = prose.is_summary(text)
        if summary and self.chains and sums_up(self.chains, item):
            return
        if drilldown.introduces_causes(text):
            self.seen, self.deeper_next = item, False
            return
        seen = drilldown.phenomenon_told(text)
        if seen is not None:
            # "姚敏先说现象：…" then "孔杰接着讲：表面原因是…": what was seen is what the next cause explains
            self.seen, self.deeper_next = dataclasses.replace(item, text=seen), False
            return
        if self.chains and drilldown.reports_why(text):
            self.deeper_next = True  # "Lena asked why the mix is off.": the answer goes one level down
            return
        step = drilldown.deeper_step(text)
        if step == "":
            self.deeper_next = bool(self.chains)
            return
        if step is not None and drilldown.surface_split(text) is not None:
            step = None  # "再往下看，表面上是…": a surface cause opens a drill-down of its own
        chain = chain_of(item)
        if chain is not None:
            why_step = answers_why(self.chains, item, told_by) or self._asked_on(item, told_by)
            explains = explains_surface(self.chains, chain, item, told_by)
            deeper = step is not None or self.deeper_next or explains or drilldown.drill_goes_on(text)
            count = len(self.chains)
            self._add(chain, item, goes_deeper=deeper, step=step, why_step=why_step, told_by=told_by)
            if summary and len(self.chains) > count:
                self.summaries.add(id(self.chains[-1]))  # "TL;DR: … because …" before the causes it sums up

    def _asked_on(self, item: Item, told_by: Item | None) -> bool:
        """ "主要是裙摆撕裂…" — "那为什么说不清是谁弄的？" — "因为没有拍照留底…": in talk, a why asked by the
        next turn, right after a cause, and answered by the turn after it asks about that cause, unless it
        names a finding of the note."""
        question = drilldown.why_about(item.asked) if item.asked else None
        if question is None or told_by is None or not self.chains:
            return False
        if item.speaker is None or told_by.speaker is None or item.line - told_by.line != 2:
            return False
        return not any(_names(question, finding) for finding in self.findings + self.told)

    def _weigh_last(self, item: Item) -> None:
        """ "我觉得七成。" after the cause it weighs: that cause's share, and main when it is most of it."""
        weight = chain_of(item)
        last = self.chains[-1]
        if weight is not None:
            last.is_main = last.is_main or weight.is_main
            last.share = last.share or weight.share
        last.evidence = f"{last.evidence}\n{item.evidence}"

    def _read_part(self, item: Item, told_by: Item | None) -> None:
        """ "现象：…" / "表因：…" / "根因：…" / "主因：…": the labelled levels of one chain, in any order;
        "数据：…" under a cause is its evidence, no cause of its own."""
        part = item.part
        chain = chain_of(item)
        if chain is None or part == "evidence":
            self.last = item if part == "evidence" and self.chains else None
            return
        own = clean(item.text) or ""
        told = self.labelled if self.labelled_under == (item.heading, item.para) else None
        if part == "deeper" and told is not None and told.surface_cause and told.root_cause is None:
            # "Surface cause: …" / "Why: …": the answer to why is the same chain, one level down
            told.surface_cause = f"{told.surface_cause}; {own}"
            told.evidence = f"{told.evidence}\n{item.evidence}"
            self.last = item
            return
        part = "surface" if part == "deeper" else part
        self.labelled_under = (item.heading, item.para)
        if told_by is not None and item.parent_line == told_by.line and self.chains and part != "phenomenon":
            # "1. Resolution rate low" / "   Cause: …": the line above the labels names what they explain
            told = self.chains[-1]
            told.phenomenon, told.surface_cause, told.root_cause = clean(told_by.text) or "", None, None
        if part == "phenomenon" or told is None or part == "secondary" or slot_taken(told, part):
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
        if why_step or (chains and explains_the_last(item, told_by)):
            # a five-whys step, or a reason pointing at the cause just told, is one level down whatever else
            # it says ("This is the root cause")
            go_deeper(chains[-1], chain, None)
            self.drilling.add(id(chains[-1]))
        elif chains and continues_drill_down(chains[-1], chain, item.text, id(chains[-1]) in self.drilling):
            go_deeper(chains[-1], chain, None)
        elif chains and points_back(chains, chain, item.text, just_told=same_turn(item, told_by)):
            return
        elif chains and goes_deeper and not drilldown.starts_separate_cause(item.text):
            go_deeper(chains[-1], chain, step)
            self.drilling.add(id(chains[-1]))
        elif chains and _asked_elsewhere(item, chains[-1]):
            chains.append(chain)  # "Why was the script run at all? Because …": a why of its own, a new chain
        elif chains and seen is None and explains_what_was_seen(chains[-1], chain, item, told_by):
            pass  # "X. Mostly because Y.": X was what was seen, and the chain now says so
        elif chains and seen is None and goes_on(chain, item, told_by, self.findings):
            if chain.root_cause:
                go_deeper(chains[-1], chain, None)
            else:
                add_detail(chains[-1], item)
                chains[-1].is_main = chains[-1].is_main or chain.is_main
                chains[-1].share = chains[-1].share or chain.share
        elif restates(chain) and BACK_REFERENCE.search(item.text):
            return  # "That explains most of the gap." with no cause before it to point at
        else:
            if not chain.phenomenon and seen is not None:
                chain.phenomenon = clean(seen.text) or ""
            chains.append(chain)
        self.last = item


def _asked_and_weighed(text: str) -> bool:
    """ "裴经理问这个占多少，鲁建的判断是七成左右", "Asked how much of the delay that was, Ruth put it at
    about 60%": the share asked and given in one statement, of the cause just told."""
    from coach.domain.reading.cues import share_question

    asked = share_question().search(text)
    return asked is not None and share_of(text[asked.end() :].lower()) is not None


def _asked_elsewhere(item: Item, last: CauseChain) -> bool:
    """ "Why was it not caught? The check only measures every 10th batch. Why was the script run at all?
    Because …": an answer to a why-question asked right before it, which shares no word with the cause just
    told ("为什么测不准？" after "瞳高测得不准" does), explains something else."""
    question = drilldown.why_about(item.asked) if item.asked else None
    told = " ".join(filter(None, (last.phenomenon, last.surface_cause, last.root_cause)))
    return bool(question and question.strip(" ，,")) and drilldown.shared_stems(question or "", told) == 0


def _names(question: str, finding: str) -> bool:
    """ "why were pick-ups late?" names "…, and pick-ups were late": two Chinese bigrams or an English word
    of the finding."""
    shared = drilldown.stems(question) & drilldown.stems(finding)
    function = {w[:5] for w in word_set("function_words")}
    return len(shared) >= 2 or any(w.isascii() and w not in function for w in shared)
