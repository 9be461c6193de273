"""Filing every fact of a message where the method keeps it, whatever the coach had asked.

"亮点：…。不足：…；应该做没做的是…" during the goals, a whole drill-down while the coach asks why a
highlight worked, three people's reflections in one message: the coach files each part where it belongs,
says in one line what it filed, then asks for what the method still lacks, in the method's order.
Messages that answer the question asked stay with their stage's handler.
"""

from __future__ import annotations

import re

from coach.domain.critique import is_external, normalize, says_none
from coach.domain.reading import cues
from coach.domain.reading.blocks import FINDINGS, Block, has_rung, read_blocks, strip_filler
from coach.domain.reading.finding_cause import read_said_cause
from coach.domain.reading.finding_list import listed_findings
from coach.domain.reading.meta import without_meta
from coach.domain.reading.missed import missed_item
from coach.domain.reading.people import (
    QUESTIONS,
    SaidReflection,
    declines,
    read_reflections,
)
from coach.domain.retrospective import CauseChain, Finding, Reflection
from coach.engines.rules import late_share
from coach.engines.rules.chain_filing import SURFACE_JOIN, file_chain
from coach.engines.rules.chain_rest import read_rest
from coach.engines.rules.chains import ChainParts, ladder_end, ladder_start, read_chain
from coach.engines.rules.receipt import Filed, ask_next, receipt
from coach.engines.rules.share import parse_share
from coach.engines.rules.share_fixes import (
    fix_share,
    names_a_cause,
    only_corrects_a_share,
    share_fix,
    shares_naming_chains,
)
from coach.engines.rules.stages import analysis, drilldown
from coach.engines.rules.text import has_words, points_back, split_cause, split_findings, word_grams
from coach.engines.rules.told_findings import with_told_findings
from coach.engines.rules.turn import Turn

# while a drill-down asks level by level, only a whole ladder is filed here (one level is its answer)
_WHOLE_LADDER_ONLY = ("drill", "confirm_root", "share", "chain_share")
# the findings a step asks for: a message giving only those is the step's own answer
_ASKED = {"highlights": {"highlights"}, "shortfalls": {"shortfalls"}, "missed": {"missed"}}
_SENTENCE_SPLIT = re.compile(r"(?<=[。；;!！?？])\s*|(?<=\.)\s+")


def take(t: Turn) -> bool:
    """File the findings, chains and reflections of a message holding more than the step asks; True if so."""
    stage = t.state.stage
    step = t.state.analysis.step if stage == "analysis" else ""  # the steps below are the analysis's
    if stage not in ("review", "analysis", "reflection") or (stage == "review" and not t.review.goals):
        return False
    if stage == "reflection" and declines(t.text):
        return False  # "柏林这次不参与反思，她在休产假": who takes no part, and why, is no fact of the review
    if late_share.take(t):
        return True
    if stage in ("analysis", "reflection") and shares_naming_chains(t, t.text):
        t.reask()  # "防护用品那个更大，改成七成，抽木机那个两成": each share on the chain it names
        return True
    if stage == "analysis" and only_corrects_a_share(t):
        fix_share(t, t.text, said_as_fix=True)  # "不是六成，是七成" while the findings are collected
        t.reask()
        return True
    blocks = read_blocks(t.text)
    if stage == "review":
        blocks = with_told_findings(t, blocks)  # "复购做得好，主要是…" before the findings are asked
    kinds = {b.kind for b in blocks}
    if kinds & {"lessons", "actions"}:
        return False  # dictated lessons and actions have their own way in (router.py)
    findings = [b for b in blocks if b.kind in FINDINGS]
    after_drill = stage == "reflection"
    above = _rungs_above_a_root(t, blocks) if stage == "analysis" and step not in _WHOLE_LADDER_ONLY else None
    chains = _chains(blocks, step in _WHOLE_LADDER_ONLY, after_drill, before=_weighed_before(t, blocks))
    people = _people(t)
    own = _ASKED.get(step, set()) if stage == "analysis" else set()
    if stage == "reflection":
        findings = [] if not chains else findings
    foreign = {b.kind for b in findings} - own
    if any(has_rung(sentence) for b in findings for sentence in b.sentences):
        foreign.add("chain")  # a cause chain inside the findings ("…。不过根子在…") goes to the chains
    if not (foreign or chains or people or above):
        return _first_rung(t, blocks) or _weighed_cause(t)
    filed = Filed()
    if above is not None:
        filed.chains.append(above.root_cause or "—")
    if chains and step in ("more_causes", "another") and blocks[0].kind == "text":
        fix_share(t, blocks[0].text, said_as_fix=True)  # "Actually no, say 65%. The other big chunk is …"
    for block in findings:
        _file_findings(t, block, filed)
    if findings and not chains:  # "…I'd say 70% of it. The rest is the holiday spike.": that ladder's rest
        rests = [b for b in blocks if b.kind == "rest"]
        chains = _chains(rests, True, after_drill, before=_weighed_before(t, rests))
    for parts in chains:
        if not parts.phenomenon and filed.last_chain is not None and parts.share:
            parts.phenomenon = filed.last_chain.phenomenon  # "…占七成。剩下三成是天气": that finding's rest
        _file_chain(t, parts, filed)
    for said in people:
        if said.answers or not said.skipped:  # "蓝溪：我就不说了，…": one who passes has nothing to file
            _file_reflection(t, said, filed)
    if not filed:
        return False
    receipt(t, filed)
    ask_next(t, filed, {b.kind for b in findings})
    return True


def _rungs_above_a_root(t: Turn, blocks: list[Block]) -> CauseChain | None:
    """ "现象就是下午两点到五点排队最长，表面上看是下午只开了两条线。" after a root said ahead: the phenomenon
    and the surface cause go on the last chain filed without its surface; that chain, if any."""
    chains = t.review.cause_chains
    target = chains[-1] if chains and chains[-1].root_cause and not chains[-1].surface_cause else None
    if target is None:
        return None
    for block in blocks:
        if block.kind != "chain" or read_chain(block.text, block.topic, least=1) is not None:
            continue
        rungs = _upper_rungs(block.text)
        if not rungs:
            continue
        old = target.phenomenon
        if phenomenon := rungs.get("phenomenon"):
            said = f"{old}（{phenomenon}）" if t.lang == "zh" else f"{old} ({phenomenon})"
            for chain in chains:
                chain.phenomenon = said if chain.phenomenon == old else chain.phenomenon
        target.surface_cause = rungs.get("surface") or None
        return target
    return None


def _upper_rungs(text: str) -> dict[str, str]:
    """The phenomenon and surface cause a text names by their words, when it names no root."""
    found: dict[str, str] = {}
    for clause in re.split(r"[，,；;。.]\s*", text):
        body = strip_filler(clause).strip()
        for rung in ("phenomenon", "surface"):
            if (match := cues.rungs()[rung].match(body)) and has_words(body[match.end() :]):
                found.setdefault(rung, body[match.end() :].strip(" :：，,"))
    return found


def _weighed_cause(t: Turn) -> bool:
    """ "还有什么原因？" answered with a cause and its share ("还有少锡，钢网清洗间隔太长，两成", "ad-hoc
    queries: no workload isolation. 20%"): a cause said whole, filed without another why. A share alone
    with words that correct it ("不对，应该是七成", "sorry, make that 65%") corrects the last one."""
    if t.state.stage != "analysis" or t.state.analysis.step not in ("more_causes", "another"):
        return False
    share = parse_share(t.text)
    chains = t.review.cause_chains
    if not share or not chains:
        return False
    parts = read_rest(t.text)
    if parts is None or share_fix().search(t.text) or not names_a_cause(parts.root or ""):
        fix_share(t, t.text, said_as_fix=False)
        drilldown.after_share(t)
        return True
    filed = Filed()
    _file_chain(t, parts, filed)
    receipt(t, filed)
    drilldown.after_share(t)
    return True


def _first_rung(t: Turn, blocks: list[Block]) -> bool:
    """ "表面上是客户拖款，其实是…" while the findings are collected: the drill-down has begun, on the
    finding it is about; the answer is its first level, never a new finding."""
    if t.state.stage != "analysis" or t.state.analysis.step in (
        *drilldown.STEPS,
        "chain_share",
        "finding_kind",
    ):
        return False
    if not blocks or blocks[0].kind not in ("chain", "text") or not has_rung(t.text):
        return False
    options = analysis.candidates(t)
    if not options:
        return False
    drilldown.start(t, options[0], quiet=True)
    drilldown.handle(t)
    return True


def _weighed_before(t: Turn, blocks: list[Block]) -> tuple[str | None, float]:
    """(the phenomenon, the share its chains weigh) of the weighed finding a rest names ("The rest of the
    rejects is hail"), else of the last weighed chain filed, for a remainder said after it ("…80%." then
    "rest is traffic"); (None, 0) when the last chain has no share."""
    chains = t.review.cause_chains
    weighed = {c.phenomenon for c in chains if c.share}
    for block in blocks:
        said = _rest_named(block.text) if block.kind == "rest" else None
        named = [p for p in weighed if said and said.lower() in p.lower()]
        if len(named) == 1:
            return named[0], sum(c.share or 0 for c in chains if c.phenomenon == named[0])
    if not chains or not chains[-1].share:
        return None, 0.0
    last = chains[-1].phenomenon
    return last, sum(chain.share or 0 for chain in chains if chain.phenomenon == last)


def _rest_named(text: str) -> str | None:
    """The finding a rest names as the one it is the rest of ("The rest of the rejects is…" → "rejects",
    "剩下的回款主要是…" → "回款"); None when it names none."""
    said = next((m for p in cues.rest_named() if (m := p.match(text.strip()))), None)
    return said.group("named").strip() if said else None


def _chains(
    blocks: list[Block], full: bool, after_drill: bool = False, before: tuple[str | None, float] = (None, 0.0)
) -> list[ChainParts]:
    """The drill-downs said in the message; while drilling only a whole ladder (one rung is an answer).
    A remainder weighs what is left after the chains of this message, else of the last one weighed."""
    found: list[ChainParts] = []
    for block in blocks:
        weighed = sum(p.share or 0 for p in found) or before[1]
        if (
            block.kind == "rest"
            and (parts := read_rest(block.text)) is not None
            and _the_remainder(block, weighed)
        ):
            parts.share = round(1 - weighed, 2)  # "…80% of the corrections. The rest were …": the other 20%
            if not found and before[0] and not parts.phenomenon:
                parts.phenomenon = before[0]  # the rest of the finding weighed last
            found.append(parts)
        elif block.kind == "chain":
            end = ladder_end(block.sentences, 0)
            ladder = Block(block.kind, block.sentences[:end])
            parts = read_chain(ladder.text, block.topic, least=2 if full and not block.topic else 1)
            if parts is not None:
                found.append(parts)
                # "Also the Forestry lot was poor, that's external": a sentence adding a cause, in the ladder
                added = [s for s in block.sentences[1:end] if strip_filler(s) != s.strip()]
                found += _outside_causes_after(parts, [*added, *block.sentences[end:]])
        elif block.kind == "rest" and not full and (parts := read_rest(block.text)) is not None:
            if not parts.phenomenon and not found and before[0]:
                parts.phenomenon = before[0]  # "剩下三成，…": the rest of the finding weighed last
            found += [parts] if _taken_whole(parts, block.text, after_drill) else []
    return found


def _outside_causes_after(ladder: ChainParts, said: list[str]) -> list[ChainParts]:
    """ "…占八成。另外万达那边商场装修，…，这个是外部的，不用挖了": after a ladder, another cause said to
    lie outside our reach is a chain of its own on that finding, said whole, never drilled."""
    found: list[ChainParts] = []
    for sentence in said:
        rest = read_rest(sentence) if is_external(sentence) else None
        if rest is not None and rest.root and rest.root != ladder.root:
            comma = "，" if re.search(r"[\u4e00-\u9fff]", sentence) else ", "
            cause = comma.join([*rest.surface, rest.root])
            found.append(ChainParts(ladder.phenomenon, root=cause, share=rest.share))
    return found


def _the_remainder(block: Block, weighed: float) -> bool:
    """A rest said as all the remainder with no share of its own, after causes weighed in the message."""
    lead = re.compile(rf"^(?:{cues.alternatives('rest_remainder')})", re.I)
    return 0 < weighed < 1 and bool(lead.match(block.text.strip())) and parse_share(block.text) is None


def _taken_whole(parts: ChainParts, text: str, after_drill: bool) -> bool:
    """A weighed cause said whole; without a share it is drilled as usual, unless the drill-down is over
    or the cause is outside our reach ("还有一个是客户预算年底冻结，这个是外部的，不用挖了")."""
    return bool(parts.share) or is_external(text) or after_drill


def _people(t: Turn) -> list[SaidReflection]:
    """The reflections worth filing here; one answer during the reflection step is left to its handler."""
    people = read_reflections(t.text)
    answers = sum(len(p.answers) for p in people)
    if t.state.stage == "reflection":
        named = [p for p in people if p.person and p.answers]
        return people if len(people) >= 2 or named else []
    opened = any(b.kind == "reflection" for b in read_blocks(t.text))
    return people if answers >= 2 or (opened and people) else []


def _file_findings(t: Turn, block: Block, filed: Filed) -> None:
    whole = read_chain(block.text) if block.kind != "highlights" else None
    if whole is not None and _file_ladder(t, block, filed):
        return
    _file_items(t, block.kind, [block.text] if whole is not None else split_findings(block.prose), filed)


def _file_ladder(t: Turn, block: Block, filed: Filed) -> bool:
    """Findings, then a why-ladder on the last one ("…二次上门特别多。…赶时间。为什么赶？因为…"), then maybe
    other findings ("另外NPS低…"): each filed where it belongs; False when no ladder starts after the first
    sentence."""
    said = block.sentences
    start = ladder_start(said)
    if start is None:
        return False
    end = ladder_end(said, start, earlier=" ".join(said[:start]))
    topic = strip_filler(said[start - 1]).rstrip("。.;；,，")
    parts = read_chain(Block(block.kind, said[start:end]).text, topic=topic)
    if parts is None:
        return False
    mine: list[Finding] = []
    _file_items(t, block.kind, split_findings(Block(block.kind, said[:start]).prose), filed, mine)
    _file_chain(t, parts, filed)
    for sentence in said[start:end]:  # "还有一部分是饲料厂换了玉米批次，…，算两成": another cause weighed
        rest = read_rest(sentence) if cues.rest().match(strip_filler(sentence)) else None
        if rest is not None and rest.share is not None:
            _file_chain(t, ChainParts(parts.phenomenon, root=rest.root, share=rest.share), filed)
    # after the ladder, "Late filings were mostly …" goes on about a finding said before it
    _file_items(t, block.kind, split_findings(Block(block.kind, said[end:]).prose), filed, mine, loose=True)
    return True


def _file_items(
    t: Turn, kind: str, items: list[str], filed: Filed, mine: list[Finding] | None = None, loose: bool = False
) -> None:
    mine = [] if mine is None else mine  # the findings this message filed, that a later item may go on about
    queue = list(items)
    while queue:
        item = strip_filler(without_meta(queue.pop(0)))
        item = missed_item(item) if kind == "missed" else item  # "…we agreed in November" says why it is one
        if not has_words(item) or says_none(item):
            continue
        kpis = tuple(g.name for g in t.review.goals)
        if kind == "shortfalls" and not has_rung(item) and len(listed := listed_findings(item, kpis)) > 1:
            item, queue[:0] = listed[0], listed[1:]  # "退园高，投诉多，满园率没到": a finding each
        if mine and cues.finding_goes_on().match(item):
            # "…live by July; it's still not switched on": a remark on the finding before
            remark, *more = _SENTENCE_SPLIT.split(item, maxsplit=1)
            mine[-1].evidence = f"{mine[-1].evidence}; {remark}"
            queue[:0] = more  # what follows the remark is read on its own
            continue
        if (named := _named_again(mine, item, loose)) is not None:
            named.causes.append(item)  # "amendments; …. Amendments mostly came from …": why that one went so
            named.evidence = f"{named.evidence}; {item}"
            weighed = filed.last_chain is not None and filed.last_chain.share is not None
            if loose and weighed:  # after a weighed ladder, "Late filings were mostly …": its own chain
                said = read_said_cause(item)
                why = said.cause if said is not None else item  # "…were mostly X": "mostly" is no share
                _file_chain(t, ChainParts(named.text, root=without_meta(why), share=parse_share(why)), filed)
            continue
        if has_rung(item) and (parts := read_chain(item, least=1)) is not None:
            if not parts.phenomenon and mine and kind != "highlights":
                # "…trucks leave late because …; root cause is …": the root of the finding just said
                parts.phenomenon = mine[-1].text
                parts.surface = parts.surface or mine[-1].causes
                _file_chain(t, parts, filed)
                continue
            if kind != "highlights" and parts.phenomenon:
                causes = parts.surface or ([parts.root] if parts.root else [])  # as analysis files it
                t.review.shortfalls.append(Finding(text=parts.phenomenon, causes=causes, evidence=item))
            _file_chain(t, parts, filed)
            continue
        head, cause = split_cause(item)
        findings = t.review.highlights if kind == "highlights" else t.review.shortfalls
        if cause and points_back(head) and findings and item is not items[0]:
            findings[-1].causes.append(cause)  # "…; it worked because …": why the one before worked
            continue
        finding = Finding(text=head, causes=[cause] if cause else [], evidence=item)
        mine.append(finding)
        if kind == "highlights":
            t.review.highlights.append(finding)
            filed.highlights.append(head)
        else:
            t.review.shortfalls.append(finding)
            filed.shortfalls.append(head)


def _named_again(findings: list[Finding], item: str, loose: bool = False) -> Finding | None:
    """The finding an item opens with, word for word ("amendments" → "Amendments mostly came from…");
    `loose`, by its first word ("late filings for …" → "Late filings were mostly …")."""
    said = normalize(item)
    first = re.match(
        rf"(?:(?:{cues.alternatives('article')})\s+)?([a-z][a-z-]{{3,}}|[\u4e00-\u9fff]{{2}})", said
    )
    for finding in findings:
        name = normalize(finding.text)
        if word_grams(name) and said.startswith(name) and len(said) > len(name) + 4:
            return finding
        word = first.group(1) if loose and first and len(said) > len(first.group(0)) + 4 else ""
        if word and (
            name.startswith(word) or (len(word) >= 5 and re.search(rf"\b{re.escape(word)}\b", name))
        ):
            return finding
    return None


def _dug(findings: list[Finding], topic: str) -> Finding | None:
    """The one finding the words named to drill start or name as a word ("d7" → "D7 retention low")."""
    said = normalize(topic)
    if not said:
        return None
    named = [
        f
        for f in findings
        if normalize(f.text).startswith(said) or re.search(rf"\b{re.escape(said)}\b", normalize(f.text))
    ]
    return named[0] if len(named) == 1 else None


def _file_chain(t: Turn, parts: ChainParts, filed: Filed) -> None:
    phenomenon = parts.phenomenon or _focus_phenomenon(t)
    chain = CauseChain(
        phenomenon=phenomenon,
        surface_cause=SURFACE_JOIN.join(parts.surface) or None,
        root_cause=parts.root,
        share=parts.share,
        evidence=t.text,
    )
    chain = file_chain(t.review.cause_chains, chain, parts.points_back)
    filed.last_chain = chain
    t.state.analysis.drilled.append(phenomenon)
    if named := _dug(t.review.shortfalls, parts.topic):
        t.state.analysis.drilled.append(named.text)  # "d7 first. …": the ladder is that finding's
    t.state.analysis.drill = None
    filed.chains.append(chain.root_cause or parts.root or phenomenon)  # the root kept, when it completed one
    for cause in parts.beside:  # "…，这也是一部分": another cause, its share maybe said after
        file_chain(t.review.cause_chains, CauseChain(phenomenon=phenomenon, root_cause=cause))
        filed.chains.append(cause)
    for other in parts.others:  # "…占七成，另外三成是价格": the other cause with its own share
        file_chain(
            t.review.cause_chains,
            CauseChain(phenomenon=phenomenon, root_cause=other.cause, share=other.share),
        )
        filed.chains += [] if any(other.cause in said for said in parts.beside) else [other.cause]
    drilldown.mark_main(t.review.cause_chains)


def _focus_phenomenon(t: Turn) -> str:
    """A chain said without its phenomenon is about the finding being drilled, else the focus goal."""
    if t.state.analysis.drill is not None:
        return t.state.analysis.drill.phenomenon
    if t.state.analysis.step == "more_causes" and t.review.cause_chains:
        return t.review.cause_chains[-1].phenomenon  # "还有四成是…" answers "还有什么原因？" about it
    focus = [t.review.goals[i].name for i in t.state.review.focus if 0 <= i < len(t.review.goals)]
    return focus[0] if focus else "—"


def _file_reflection(t: Turn, said: SaidReflection, filed: Filed) -> None:
    """Fill the person's reflection (a new one, or theirs when they spoke before)."""
    mine = next((r for r in t.review.reflections if said.person and r.person == said.person), None)
    index = t.state.reflection.person_index
    current = (
        t.review.reflections[index]
        if t.state.stage == "reflection" and index is not None and 0 <= index < len(t.review.reflections)
        else None
    )
    if (
        mine is None
        and current is not None
        and (not said.person or not (current.person or _answered(current)))
    ):
        mine = current  # the person being asked goes on, or was asked for without a name or answers
    if mine is None:
        mine = Reflection(person=said.person)
        t.review.reflections.append(mine)
    if said.person and not mine.person:
        mine.person = said.person
    take_answers(t, mine, said, filed)
    t.state.reflection.person_index = t.review.reflections.index(mine)


def take_answers(t: Turn, mine: Reflection, said: SaidReflection, filed: Filed) -> None:
    """Put a person's answers said in this message on their reflection, the message as its evidence."""
    for key, answer in said.answers.items():
        setattr(mine, key, answer)
    mine.evidence = "；".join(e for e in (mine.evidence, t.text.strip()) if e)
    filed.people.append(said.person or "—")


def _answered(reflection: Reflection) -> bool:
    return any(getattr(reflection, key) for key in QUESTIONS)
