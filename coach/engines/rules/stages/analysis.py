"""Analysis (分析根因), first half: highlights and why, shortfalls and why, what should have been done.

The drill-down on the chosen finding lives in `drilldown.py`.
"""

from __future__ import annotations

import re

from coach.domain.critique import is_chitchat, is_no, is_none_more, is_yes, normalize, says_none
from coach.domain.reading import cues
from coach.domain.reading.blocks import before_aside, has_rung, opens, strip_filler
from coach.domain.reading.finding_list import listed_findings
from coach.domain.reading.meta import is_meta_remark, without_meta
from coach.domain.reading.missed import missed_item
from coach.domain.reading.people import read_person
from coach.domain.retrospective import CauseChain, Finding, Verdict
from coach.engines.rules import flow
from coach.engines.rules.chain_filing import SURFACE_JOIN
from coach.engines.rules.chains import ChainParts, FindingKind, finding_kind, read_chain
from coach.engines.rules.share import parse_share
from coach.engines.rules.stages import drilldown
from coach.engines.rules.stages.review import goal_line
from coach.engines.rules.text import (
    has_words,
    item_numbers,
    points_back,
    quote,
    split_cause,
    split_findings,
    split_items,
    word_grams,
)
from coach.engines.rules.turn import Turn

_CAUSE_FIRST = re.compile(r"(因为|由于|原因是|主要是|because|due to)", re.I)
_NOTHING = re.compile(
    r"^(没有|没|无|暂无|没什么|想不到|不知道|都没有|no|none|nothing|not really|nope|n/?a)\b", re.I
)


# "就挖恢复慢这个吧", "深挖响应慢", "let's dig into the close time", "drill into the billing one".
_DIG = re.compile(
    r"^(那|那就|就|先)?(深挖|挖一下|挖挖|挖)\s*(一下)?(?P<zh>.+?)(这个|这条|那个|这块)?(吧|吧。)?$|"
    r"^(let'?s |we should |i'?d )?(dig|drill|look)( deeper| down)?( into)? (the )?(?P<en>.+?)( one| thing)?$",
    re.I,
)


# "毛利率最要紧，先挖它", "Margin matters most, dig into that first": the finding, then "dig it"
_DIG_IT = re.compile(
    r"^(?P<zh>[^，,。]{2,16}?)(最要紧|最重要|是重点|优先)?[，,]\s*(那就|就|先)?(深挖|挖)(一下)?(它|这个|那个)(吧)?$|"
    r"^(?P<en>[^,.]{2,40}?)( matters most| is the priority| first)?[,.]\s*(let'?s )?(dig|drill)"
    r"( deeper| down)?( into)? (it|that|that one)( first)?$",
    re.I,
)


def dig_target(text: str) -> str | None:
    """The finding a user names to drill into, in their own words."""
    said = normalize(without_meta(text)) or normalize(text)  # "刚说了，毛利率最要紧，先挖它"
    match = _DIG.match(said) or _DIG_IT.match(said)
    if not match:
        return None
    target = (match.group("zh") or match.group("en") or "").strip(" ，,")
    return target if len(target) >= 2 else None


def _grams(text: str) -> set[str]:
    low = text.lower()
    words = set(re.findall(r"[a-z][a-z-]{2,}", low))
    han = re.sub(r"[^\u4e00-\u9fff]", "", low)
    return words | set(han) if len(han) <= 3 else words | {han[i : i + 2] for i in range(len(han) - 1)}


def _dig(t: Turn, target: str) -> None:
    """Start the drill-down on the finding the user names; the closest one offered, else their words."""
    options = candidates(t)
    grams = _grams(target)
    scored = [(len(grams & _grams(o)), o) for o in options]
    best = max(scored, default=(0, ""), key=lambda s: s[0])
    t.state.analysis.drill = None
    drilldown.start(t, best[1] if best[0] > 0 else target)


def _names_a_goal(t: Turn) -> bool:
    """A bare KPI name ("the pass rate", "回款") where a highlight is asked: a late focus answer."""
    body = normalize(re.sub(r"^(the|重点看?|主要看?)\s*", "", t.text.strip(), flags=re.I))
    for index, goal in enumerate(t.review.goals):
        name = normalize(goal.name or "")
        if body and name and (body == name or (len(body) <= 12 and (body in name or name in body))):
            t.state.review.focus = [index]
            t.say("analysis_focus_noted", goal=quote(goal.name, t.lang))
            t.reask()
            return True
    return False


def enter(t: Turn) -> None:
    t.state.analysis.step = "highlights"
    t.ask("analysis_highlights_more" if t.review.highlights else "analysis_highlights")


def handle(t: Turn) -> None:
    step = t.state.analysis.step
    if is_chitchat(t.text):
        t.say("off_topic")
        t.reask()
        return
    if step == "highlights" and not t.review.highlights and _names_a_goal(t):
        return
    if step in _FINDING_STEPS and (name := _introduces_self(t.text)):
        t.say("analysis_person_later", name=name)  # "我是王磊，销售总监" is no finding
        t.reask()
        return
    if step not in ("share", "more_causes") and (target := dig_target(t.text)):
        _dig(t, target)
        return
    if step in drilldown.STEPS:
        drilldown.handle(t)
    elif step == "finding_kind":
        _kind_answer(t)
    elif step == "chain_share":
        _chain_share(t)
    elif step == "highlights":
        _findings(t, "highlights")
    elif step == "highlight_why":
        _why(t, "highlights")
    elif step == "shortfalls":
        _findings(t, "shortfalls")
    elif step == "shortfall_why":
        _why(t, "shortfalls")
    elif step == "missed":
        _missed(t)
    elif step == "choose":
        _choose(t)
    else:
        enter(t)


_FINDING_STEPS = ("highlights", "highlight_why", "shortfalls", "shortfall_why", "missed", "choose")


def _introduces_self(text: str) -> str | None:
    """The name of a speaker who only introduces themself ("我是王磊，销售总监", "I'm Wang Lei, PM")."""
    if not cues.self_intro().match(text.strip()):
        return None
    name, rest = read_person(text)
    return name if name and not has_words(rest) else None


def skip(t: Turn) -> None:
    step = t.state.analysis.step
    if step in ("highlights", "highlight_why"):
        _ask_shortfalls(t)
    elif step in ("shortfalls", "shortfall_why"):
        _ask_missed(t)
    elif step == "missed":
        ask_choose(t)
    else:
        t.state.analysis.drill = None
        flow.advance(t)


_PICK_CHARS = 16  # "the second one, please", "我选第二个吧"


def _nothing(text: str) -> bool:
    """ "没有", "none really", "wins: none really": the answer names no finding."""
    opened = opens(text)
    said = opened[1] if opened is not None and opened[0] in ("highlights", "shortfalls", "missed") else text
    body = normalize(said)
    return (bool(_NOTHING.match(body)) and len(body) <= 12) or is_none_more(body) or says_none(said)


def _findings(t: Turn, kind: FindingKind) -> None:
    items: list[Finding] = getattr(t.review, kind)
    if _nothing(t.text):
        _after_findings(t, kind)
        return
    said_kind, body = finding_kind(t.text, kind)
    if said_kind == "shortfalls" and (chain := read_chain(body)) is not None and chain.phenomenon:
        # "没做好的是续费率，表面上…，根子上…，占七成": the whole chain at once
        _file_chain(t, chain, kind, labeled=body != t.text.strip())
        return
    new: list[Finding] = []
    elsewhere: list[Finding] = []
    # "…。拿证慢的根因我先说了吧：…": a sentence that turns aside holds no finding of this list
    for item in split_findings(before_aside(t.text)):
        item_kind, item_body = finding_kind(item, kind)
        if (opened := opens(item_body)) is not None and opened[0] == item_kind:
            item_body = opened[1]  # "wins: …", "好的地方：…": the words that open the list are no finding
        item_body = strip_filler(without_meta(item_body))
        if not has_words(item_body):
            continue  # "亮点：" on a line of its own heads the list, it is no finding
        if item_kind is None:
            t.state.analysis.pending_finding, t.state.analysis.findings_kind = item, kind
            t.state.analysis.step = "finding_kind"
            t.ask("analysis_which_kind", finding=quote(item, t.lang))
            return
        same = new if item_kind == kind else elsewhere
        kpis = tuple(g.name for g in t.review.goals)
        shortfall = item_kind == "shortfalls" and not has_rung(item_body)
        listed = listed_findings(item_body, kpis) if shortfall else []
        for body in listed if len(listed) > 1 else [item_body]:  # "退园高，投诉多": a finding each
            _add_finding(same, body, item)
    if elsewhere:
        other: FindingKind = "shortfalls" if kind == "highlights" else "highlights"
        getattr(t.review, other).extend(elsewhere)
        t.say(
            "analysis_filed_shortfall" if other == "shortfalls" else "analysis_filed_highlight",
            finding="、".join(quote(f.text, t.lang) for f in elsewhere),
        )
    if not new and elsewhere:
        _back_to(t, kind)
        return
    if not new:
        t.say("not_understood")
        t.reask()
        return
    items.extend(new)
    if kind == "highlights" and all(f.causes for f in new):
        # A highlight given with its cause ("亮点：…，因为…"): ask for more before the shortfalls.
        t.ask("analysis_highlights_more")
        return
    _ask_next_why(t, kind)


def _add_finding(same: list[Finding], body: str, item: str) -> None:
    """One finding said among others of its kind; a remark or a why goes to the one before."""
    head, cause = split_cause(body)
    if same and cues.finding_goes_on().match(body):
        same[-1].evidence = f"{same[-1].evidence}; {body}"  # "…; about 70% of clients used it"
        return
    if cause and points_back(head) and same:
        same[-1].causes.append(cause)  # "…；这是因为…": why the one before went so
        return
    same.append(Finding(text=head, causes=[cause] if cause else [], evidence=item))


def _file_chain(t: Turn, parts: ChainParts, asked: FindingKind, labeled: bool = True) -> None:
    """File a shortfall with its whole chain, say so in one line, then ask only what is missing.

    A chain said without "不足是…" about a KPI or a finding already named ("Truck turnaround, all the way
    down: …") drills that one: no new shortfall is filed for it.
    """
    causes = parts.surface or ([parts.root] if parts.root else [])
    if labeled or not _names_known(t, parts.phenomenon):
        t.review.shortfalls.append(Finding(text=parts.phenomenon, causes=causes, evidence=t.text))
    chain = CauseChain(
        phenomenon=parts.phenomenon,
        surface_cause=SURFACE_JOIN.join(parts.surface) or None,
        root_cause=parts.root,
        share=parts.share,
        evidence=t.text,
    )
    t.review.cause_chains.append(chain)
    t.state.analysis.drilled.append(parts.phenomenon)
    drilldown.mark_main(t.review.cause_chains)
    t.say(
        "analysis_filed_chain",
        phenomenon=quote(parts.phenomenon, t.lang),
        surface=quote(chain.surface_cause or "—", t.lang),
        root=quote(parts.root, t.lang),
        share=f"{parts.share * 100:.0f}%" if parts.share is not None else "?",
    )
    if parts.share is None:
        t.state.analysis.share_chain = len(t.review.cause_chains) - 1
        t.state.analysis.findings_kind = asked
        t.state.analysis.step = "chain_share"
        t.ask("drill_share", root=quote(parts.root, t.lang))
        return
    _back_to(t, asked)


def _back_to(t: Turn, kind: FindingKind) -> None:
    """Return to collecting the findings of a kind, asking for what the method still lacks."""
    t.state.analysis.step = kind
    if kind == "highlights":
        t.ask("analysis_highlights_more" if t.review.highlights else "analysis_highlights_still")
    else:
        t.ask("analysis_shortfalls_more" if t.review.shortfalls else "analysis_shortfalls")


def _chain_share(t: Turn) -> None:
    """The share of a chain filed in one message; asked once, left open when not given."""
    index = t.state.analysis.share_chain
    share = parse_share(t.text)
    chains = t.review.cause_chains
    if share is not None and index is not None and 0 <= index < len(chains):
        chains[index].share = share
        drilldown.mark_main(chains)
        t.say("drill_main", root=quote(chains[index].root_cause, t.lang), share=f"{share * 100:.0f}%")
    else:
        t.say("drill_share_left_open")
    _back_to(t, t.state.analysis.findings_kind)


def _kind_answer(t: Turn) -> None:
    """The answer to 「这是亮点还是不足？」: file the finding as that kind."""
    pending = t.state.analysis.pending_finding or ""
    t.state.analysis.pending_finding = None
    body = normalize(t.text)
    if re.search(r"不足|不好|问题|短板|shortfall|problem|wrong|bad|miss", body, re.I):
        kind: FindingKind = "shortfalls"
    elif re.search(r"亮点|好的|做成|highlight|good|went well|right", body, re.I):
        kind = "highlights"
    else:
        t.state.analysis.pending_finding = pending
        t.reask()
        return
    head, cause = split_cause(finding_kind(pending, kind)[1])
    getattr(t.review, kind).append(Finding(text=head, causes=[cause] if cause else [], evidence=pending))
    t.say(
        "analysis_filed_shortfall" if kind == "shortfalls" else "analysis_filed_highlight",
        finding=quote(head, t.lang),
    )
    if kind == t.state.analysis.findings_kind:
        _ask_next_why(t, kind)
    else:
        _back_to(t, t.state.analysis.findings_kind)


def _ask_next_why(t: Turn, kind: FindingKind) -> None:
    items: list[Finding] = getattr(t.review, kind)
    for index, finding in enumerate(items):
        drilled = _has_chain(t, finding.text)  # its why was answered by a whole chain
        if not finding.causes and not drilled and f"{kind}:{index}" not in t.state.analysis.why_asked:
            t.state.analysis.finding_index = index
            t.state.analysis.step = "highlight_why" if kind == "highlights" else "shortfall_why"
            t.ask(
                "analysis_highlight_why" if kind == "highlights" else "analysis_shortfall_why",
                finding=quote(finding.text, t.lang),
            )
            return
    _after_findings(t, kind)


def _has_chain(t: Turn, finding: str) -> bool:
    """Whether a cause chain was filed on this finding (its phenomenon is the finding or part of it)."""
    said = normalize(finding)
    phenomena = [normalize(chain.phenomenon.strip(" ;；,，。.")) for chain in t.review.cause_chains]
    return any(p and (p in said or said in p) for p in phenomena)


def _why(t: Turn, kind: FindingKind) -> None:
    items: list[Finding] = getattr(t.review, kind)
    index = t.state.analysis.finding_index
    if 0 <= index < len(items):
        # Asked once: an empty answer leaves the finding without causes rather than asking again.
        t.state.analysis.why_asked.append(f"{kind}:{index}")
        said = [without_meta(c) for c in split_items(t.text) or [t.text]]
        causes = [split_cause(c)[1] or c for c in said if has_words(c)]
        if causes and not _nothing(t.text):
            items[index].causes.extend(causes)
            items[index].evidence = "；".join(e for e in (items[index].evidence, t.text) if e)
        elif not causes:
            t.say("analysis_not_digging")  # "这个是外部的，不用挖了": talk about the review, no cause
    _ask_next_why(t, kind)


def _after_findings(t: Turn, kind: FindingKind) -> None:
    if kind == "highlights":
        _ask_shortfalls(t)
    else:
        _ask_missed(t)


def _ask_shortfalls(t: Turn) -> None:
    t.state.analysis.step = "shortfalls"
    missed = [g for g in t.review.goals if g.verdict in (Verdict.missed, Verdict.far_missed)]
    if missed and not t.review.shortfalls:
        t.ask("analysis_shortfalls_hint", goal=goal_line(t, missed[0]))
    else:
        t.ask("analysis_shortfalls_more" if t.review.shortfalls else "analysis_shortfalls")


def _names_known(t: Turn, phenomenon: str) -> bool:
    """Whether the phenomenon's first words name a goal or a shortfall already in the review."""
    said = word_grams(re.split(r"[，,：:]", phenomenon, maxsplit=1)[0])
    known = [g.name for g in t.review.goals] + [f.text for f in t.review.shortfalls]
    return bool(said) and any(len(said & word_grams(k)) * 2 >= len(said) for k in known)


def _ask_missed(t: Turn) -> None:
    t.state.analysis.step = "missed"
    t.ask("analysis_missed")


def _missed(t: Turn) -> None:
    if not _nothing(t.text):
        for item in filter(has_words, map(without_meta, split_items(t.text))):
            head, cause = split_cause(missed_item(item))
            t.review.shortfalls.append(Finding(text=head, causes=[cause] if cause else [], evidence=item))
    ask_choose(t)


def candidates(t: Turn) -> list[str]:
    """Findings worth a drill-down, not yet drilled: shortfalls first, then missed focus goals."""
    found = [f.text for f in t.review.shortfalls]
    goals = [
        t.review.goals[i] for i in t.state.review.focus if 0 <= i < len(t.review.goals)
    ] or t.review.goals
    for goal in goals:
        # A missed goal is a finding of its own unless a shortfall already speaks of it.
        named = any(goal.name and goal.name in f.text for f in t.review.shortfalls)
        if goal.verdict in (Verdict.missed, Verdict.far_missed) and not named:
            found.append(goal_line(t, goal))
    drilled = {c.phenomenon for c in t.review.cause_chains} | set(t.state.analysis.drilled)
    return [c for c in dict.fromkeys(found) if c not in drilled and not _has_chain(t, c)]


def ask_choose(t: Turn) -> None:
    """Offer the findings to drill into; go straight in when there is only one."""
    options = candidates(t)
    if not options:
        t.say("analysis_nothing_to_drill" if not t.review.cause_chains else "analysis_drill_done")
        flow.advance(t)
        return
    if len(options) == 1:
        t.say("analysis_drill_only", finding=quote(options[0], t.lang, 60))
        drilldown.start(t, options[0])
        return
    t.state.analysis.step = "choose"
    listing = "\n".join(
        f"{i}. {text if len(text) <= 80 else text[:79] + '…'}" for i, text in enumerate(options[:9], 1)
    )
    t.ask("analysis_choose", options=listing)


def _picks_by_number(text: str) -> bool:
    """A short answer that picks an option by its number ("2", "第二个", "the third one"); a longer message
    holds numbers of its own ("3 lanes shut early -> …")."""
    body = normalize(text)
    return len(body) <= _PICK_CHARS or bool(re.match(r"^(?:第\s*\S{1,2}\s*[条个项点]|#\s*\d)", body))


def _only_filler(text: str) -> bool:
    return bool(
        re.fullmatch(rf"(?:{cues.alternatives('filler_alone')})[\s.。…!！?？,，]*", text.strip(), re.I)
    )


def _choose(t: Turn) -> None:
    options = candidates(t)
    if not options:
        flow.advance(t)
        return
    if _nothing(t.text) and not is_yes(t.text):
        t.state.analysis.drill = None
        flow.advance(t)
        return
    low = t.text.lower()
    if is_meta_remark(t.text) and (left := [o for o in options if o.lower() in low]):
        t.state.analysis.drilled += left  # "接通率不挖了": that one is not drilled, the rest are offered
        ask_choose(t)
        return
    chosen = (
        next((o for o in options if o.lower() in low or low in o.lower()), None) if len(low) >= 2 else None
    )
    for number in item_numbers(t.text) if _picks_by_number(t.text) else []:
        index = len(options) - 1 if number == -1 else number - 1
        if chosen is None and 0 <= index < len(options):
            chosen = options[index]
    if chosen is None:
        if is_no(t.text):
            flow.advance(t)
            return
        if _CAUSE_FIRST.match(t.text.strip()):
            # Already answering "why?": that is the first level of the top finding's drill-down.
            drilldown.start(t, options[0], quiet=True)
            drilldown.handle(t)
            return
        if not has_words(without_meta(t.text)):
            t.reask()  # "别再问为什么了", "I already told you": talk about the review, no finding to drill
            return
        if is_yes(t.text) or _only_filler(t.text):
            # "嗯", "ok", "uh": heard, but no pick; the question wants a number or a name: asked again
            t.ask("analysis_choose_which", count=min(len(options), 9))
            return
        chosen = t.text  # anything else names a new finding to drill into, in the user's own words
    drilldown.start(t, chosen)
