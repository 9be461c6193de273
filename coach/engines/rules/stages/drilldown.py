"""The drill-down: ask 为什么 until a root cause the user confirms (or 5 levels), then its share."""

from __future__ import annotations

import re
from typing import get_args

from coach.domain.critique import (
    cause_level,
    confirms_root,
    is_external,
    is_no,
    is_none_more,
    is_yes,
    normalize,
    without_external,
)
from coach.domain.reading import cues
from coach.domain.reading.blocks import strip_filler
from coach.domain.reading.finding_cause import without_asides
from coach.domain.reading.meta import without_meta
from coach.domain.retrospective import CauseChain
from coach.engines.rules import flow
from coach.engines.rules.chain_filing import SURFACE_JOIN, file_chain, file_shares
from coach.engines.rules.chains import read_chain
from coach.engines.rules.replies import render
from coach.engines.rules.share import CauseShare, parse_share, parse_shares
from coach.engines.rules.stages.action_item import none_more
from coach.engines.rules.state import DrillState, DrillStep
from coach.engines.rules.text import has_words, quote
from coach.engines.rules.turn import Turn

STEPS: tuple[DrillStep, ...] = get_args(DrillStep)  # the analysis steps this module answers
MAX_DEPTH = 5
EXPLAINED_ENOUGH = 0.8  # the method: the main causes should explain 80–90% of the gap
_LEADING_NO = re.compile(r"^(不是|不对|不|no|nope|not really|not quite)[\s,，。.!！:：]*", re.I)
_ANOTHER_CAUSE = re.compile(
    r"^(有[，,]?\s*)?(还有|另外|另一个|另)?(一个|个)?(原因|因素)(是|：|:)?\s*|"
    r"^(yes[,.]?\s*)?(another|one more|also)( (reason|cause|factor))?( is)?[:,]?\s*",
    re.I,
)
_CAUSE_LEAD = re.compile(
    r"^(根本原因|根因|根源|根本上|本质上?|说到底)(就|其实|还是)?(是|在于)|^(我觉得|我认为|主要是|可能是|其实是|根本原因是|根本上是|根本上|根因是|本质上是|本质是|归根结底是?|原因是|是因为|因为|由于|"
    r"i think|probably|mainly|the root cause is( that)?|root cause:|at root,?|because of|because|due to)"
    r"\s*[:：,，]?\s*",
    re.I,
)
SHARE_ONLY_MAX = 25  # a message this short that holds a share is a share, not a cause ("两成", "about 30%")
_SELF_CONFIRMED = re.compile(
    r"[，,。.;；\s]*(这个|这点|这条)?(我|我们)?(确认|确定)(了|的)?$|[,.;\s]*(i'?m sure|confirmed|i confirm)$",
    re.I,
)
_DONT_KNOW = re.compile(r"^(不知道|不清楚|说不上来|不确定|没想法|i don'?t know|not sure|no idea|dunno)", re.I)


def start(t: Turn, phenomenon: str, quiet: bool = False) -> None:
    """Begin a drill-down on a finding (quiet: the user is already answering the first why)."""
    t.state.analysis.drill = DrillState(phenomenon=phenomenon)
    t.state.analysis.drilled.append(phenomenon)
    t.state.analysis.step = "drill"
    if quiet:
        t.say("analysis_drill_only", finding=quote(phenomenon, t.lang, 60))
    else:
        t.ask("drill_why_first", finding=quote(phenomenon, t.lang, 60))


def handle(t: Turn) -> None:
    step = t.state.analysis.step
    if step == "share":
        _share(t)
    elif step == "more_causes":
        _more_causes(t)
    elif step == "another":
        _another(t)
    elif t.state.analysis.drill is None:
        from coach.engines.rules.stages.analysis import ask_choose

        ask_choose(t)
    elif step == "confirm_root":
        _confirm(t)
    else:
        _answer(t, t.text)


def _answer(t: Turn, answer: str, is_cause: bool = False) -> None:
    drill = t.state.analysis.drill
    assert drill is not None
    said = answer.strip(" ，,。.")
    if is_external(said):
        _external(t, said)
        return
    ladder = read_chain(said)
    if ladder is not None and ladder.root and ladder.surface:
        # "表面上是…，往下看是…，根子上是…，占七成": the whole ladder in one message
        drill.answers.extend([*ladder.surface, ladder.root])
        _finish_chain(t, ladder.root, ladder.share)
        return
    if _ends_drill(t, said):
        return
    if _DONT_KNOW.match(normalize(said)) or not has_words(said):
        t.say("drill_hint")
        t.reask()
        return
    depth = len(drill.answers) + 1
    level = cause_level(said, depth)  # on the words as said: "根本原因是…" is itself a cue
    if is_cause and level == "phenomenon":
        level = "surface"  # given as "another cause", it is one even when it reads like an outcome
    if drill.asked_control and level != "root":
        level = "root"  # what we can do about an outside cause is the cause in our control
        drill.asked_control = False
    answer = _CAUSE_LEAD.sub("", said).strip() or said  # keep the cause, not the "because"
    if (rung := cues.rungs()["root"].match(strip_filler(said))) and has_words(said[rung.end() :]):
        level, answer = "root", strip_filler(said)[rung.end() :].strip()  # "root: …", "根因：…"
    if level == "phenomenon":
        # A restated symptom belongs to the phenomenon, not to the causes.
        drill.phenomenon = (
            f"{drill.phenomenon}（{answer}）" if t.lang == "zh" else f"{drill.phenomenon} ({answer})"
        )
        t.ask("drill_symptom", answer=quote(answer, t.lang))
        return
    drill.answers.append(answer)
    if depth >= MAX_DEPTH:
        t.say("drill_max_depth", answer=quote(answer, t.lang))
        _finish_chain(t, answer)
        return
    share = _share_in(said) if level == "root" else None
    if share is not None:
        root = _SELF_CONFIRMED.sub("", _without_share(answer)).strip(" ，,。.") or answer
        drill.answers[-1] = root
        _finish_chain(t, root, share)  # "根因是…，大概占七成": named, confirmed by its weight
        return
    if level == "root" and _SELF_CONFIRMED.search(said):
        _finish_chain(t, _SELF_CONFIRMED.sub("", answer).strip(" ，,。.") or answer)  # "根因是…，这个我确认"
        return
    if level == "root" or depth >= 3:
        drill.candidate_root = answer
        t.state.analysis.step = "confirm_root"
        t.ask("drill_confirm_root" if level == "root" else "drill_confirm_deep", answer=quote(answer, t.lang))
        return
    t.ask("drill_why_again", answer=quote(answer, t.lang))


_LABEL_ONLY = re.compile(r"^[^:：]{1,40}[:：]\s*$")
_EXTERNAL_MARK = {"zh": "（外部）", "en": " (external)"}


def _external(t: Turn, said: str) -> None:
    """A cause said to be outside our control: the method asks 可控吗？我们能做什么？, not another why.

    Asked once per drill-down; when nothing is in our control either, the chain ends at that cause.
    """
    drill = t.state.analysis.drill
    assert drill is not None
    cause = without_external(without_asides(said))
    if _LABEL_ONLY.match(cause):
        cause = ""  # "Paper invoices: external, not ours to fix": the finding named, no cause of it
    named = has_words(cause) and len(normalize(cause)) >= 2
    if named:
        drill.answers.append(_CAUSE_LEAD.sub("", cause).strip() or cause)
    mark = _EXTERNAL_MARK[t.lang]
    last = drill.answers[-1].removesuffix(mark) if drill.answers else drill.phenomenon
    if drill.answers:  # the chain keeps which cause lies outside ("政策变化（外部）"), above what is ours
        drill.answers[-1] = last + mark
    if named and not drill.asked_control and cues.words_pattern("no_dig").search(said):
        _finish_chain(t, last + mark)  # "原材料涨价，这个不可控，不用挖了": the cause, and no dig wanted
        return
    if drill.asked_control:
        drill.asked_control = False
        _finish_chain(t, last + mark)
        return
    drill.asked_control = True
    t.ask("drill_controllable", answer=quote(last, t.lang))


_SHARE_CLAUSE = re.compile(
    r"占|成|%|％|百分|大头|大半|大部分|一半|三分之|四分之|\bpercent\b|\bmost of\b|\bhalf\b|\bthirds?\b|"
    r"\bquarters?\b|\bshare\b|\baccounts? for\b|\bexplains?\b",
    re.I,
)


def _share_clauses(text: str) -> list[str]:
    return [c for c in re.split(r"[，,。;；]\s*|\.\s+", text) if c and _SHARE_CLAUSE.search(c)]


def _share_in(text: str) -> float | None:
    """A share stated in a clause of its own inside a longer answer ("…，大概占七成")."""
    for clause in _share_clauses(text)[-1:]:
        if len(normalize(clause)) <= SHARE_ONLY_MAX + 10:
            return parse_share(clause)
    return None


def _without_share(text: str) -> str:
    clauses = _share_clauses(text)
    for clause in clauses[-1:]:
        text = text.replace(clause, "")
    return text.strip(" ，,。.;；")


def share_only(text: str) -> float | None:
    """The share when the message is just a share ("两成", "八成吧", "I'd say 70 percent")."""
    body = normalize(text)
    if len(body) > SHARE_ONLY_MAX or len(re.findall(r"[\u4e00-\u9fff]", body)) > 8:
        return None
    return parse_share(body)


def _ends_drill(t: Turn, said: str) -> bool:
    """Answers that close the drill-down instead of going a level deeper; True when handled."""
    drill = t.state.analysis.drill
    assert drill is not None
    last = drill.candidate_root or (drill.answers[-1] if drill.answers else None)
    share = share_only(said)
    if last is not None and (confirms_root(said) or is_none_more(said) or share is not None):
        _finish_chain(t, last, share)  # "是根因", "没有别的原因了", or straight to its share: "两成"
        return True
    rest = normalize(without_meta(said)).strip(" ，,。.")
    if last is None and (not rest or (said != without_meta(said) and rest in normalize(drill.phenomenon))):
        # "接通率不挖了", "not digging into that": this finding is left undug, the others are offered
        t.state.analysis.drilled.append(drill.phenomenon)
        t.state.analysis.drill = None
        _offer_another(t)
        return True
    if is_none_more(said) or confirms_root(said) or share is not None:
        # Nothing to go on yet: ask the first why again rather than filing this as a cause.
        t.say("drill_hint")
        t.reask()
        return True
    return False


def _confirm(t: Turn) -> None:
    drill = t.state.analysis.drill
    assert drill is not None
    body = normalize(t.text)
    if is_yes(body) or confirms_root(body):
        share = _share_in(t.text)
        _finish_chain(t, drill.candidate_root or (drill.answers[-1] if drill.answers else t.text), share)
        return
    t.state.analysis.step = "drill"
    rest = _LEADING_NO.sub("", t.text).strip()
    if is_no(body) and has_words(rest) and len(rest) > 3:
        _answer(t, rest)  # "不是，根本原因是没有回款跟踪机制"
    elif is_no(body):
        t.ask("drill_why_again", answer=quote(drill.candidate_root, t.lang))
    else:
        _answer(t, t.text)  # a further answer without a yes/no is the next level down


def _finish_chain(t: Turn, root: str, share: float | None = None) -> None:
    drill = t.state.analysis.drill
    assert drill is not None
    middle = [a for a in drill.answers if a != root]
    chain = CauseChain(
        phenomenon=drill.phenomenon,
        surface_cause=SURFACE_JOIN.join(middle) or None,
        root_cause=root,
        evidence=" / ".join(drill.answers) or None,
    )
    chain = file_chain(t.review.cause_chains, chain)  # a root said before is completed, not repeated
    t.state.analysis.drill = None
    t.state.analysis.share_chain = t.review.cause_chains.index(chain)
    t.say(
        "drill_chain",
        phenomenon=quote(chain.phenomenon, t.lang),
        surface=quote(chain.surface_cause or "—", t.lang),
        root=quote(root, t.lang),
    )
    _cite_similar(t, root)
    t.state.analysis.step = "share"
    if share is not None:
        chain.share = share
    mark_main(t.review.cause_chains)
    if chain.share is not None:
        after_share(t)
        return
    t.ask("drill_share", root=quote(root, t.lang))


def _cite_similar(t: Turn, root: str) -> None:
    # a search always ranks something first; only a lesson near enough in meaning is "the same root cause"
    hit = t.match(root)
    same = [hit] if hit is not None else []
    t.cite(same + [h for h in t.lookup(root, 3) if hit is None or h.id != hit.id][: 3 - len(same)])
    if hit is not None:
        t.say(
            "drill_seen_before",
            team=hit.team or render("another_team", t.lang),
            date=hit.review_date.isoformat() if hit.review_date else "—",
            lesson=quote(hit.text, t.lang, 60),
        )


def _share(t: Turn) -> None:
    index = t.state.analysis.share_chain
    chains = t.review.cause_chains
    if index is None or not 0 <= index < len(chains):
        after_share(t)
        return
    if len(shares := parse_shares(t.text)) > 1:
        _several_shares(t, index, shares)
        return
    share = parse_share(t.text)
    if share is None:
        t.state.analysis.share_tries += 1
        if t.state.analysis.share_tries < 2 or not has_words(t.text):
            t.say("drill_share_unclear")
            t.reask()
            return
        # Asked twice: leave the share open rather than asking forever.
        t.state.analysis.share_tries = 0
        t.say("drill_share_left_open")
        _offer_another(t)
        return
    t.state.analysis.share_tries = 0
    chains[index].share = share
    mark_main(chains)
    after_share(t)


def _several_shares(t: Turn, index: int, shares: list[CauseShare]) -> None:
    """ "七成是没有陪跑，另外三成是价格": each share on its cause; asked once more when it cannot be told."""
    chains = t.review.cause_chains
    filed = file_shares(chains, index, shares)
    if filed is None:
        t.ask("drill_share", root=quote(chains[index].root_cause, t.lang))
        return
    if filed:
        items = ("、" if t.lang == "zh" else ", ").join(quote(c.root_cause, t.lang, 24) for c in filed)
        t.say("filed", parts=render("filed_chains", t.lang, items=items))
    mark_main(chains)
    after_share(t)


def mark_main(chains: list[CauseChain]) -> None:
    """The chain with the largest share is the main cause (the first one on a tie).

    A share weighed against other causes of the same finding comes before a lone cause taking its
    whole finding (100%): the main cause (主因) is the largest of the causes the team weighed, and
    "all of it" on another finding says nothing about which weighed cause mattered most."""
    best = max(
        range(len(chains)), key=lambda i: (_weighed(chains, i), chains[i].share or 0.0, -i), default=None
    )
    none_weighed = all(c.share is None for c in chains)
    for i, chain in enumerate(chains):
        # no weights at all: the first root cause found stands as the main one until weighed
        chain.is_main = i == best and ((chain.share or 0.0) > 0 or none_weighed)


def _weighed(chains: list[CauseChain], index: int) -> bool:
    """A share set against another cause of the same phenomenon, not a lone cause taking the whole."""
    chain = chains[index]
    if chain.share is None:
        return False
    alone = all(c.phenomenon != chain.phenomenon for j, c in enumerate(chains) if j != index)
    return not (alone and chain.share >= 1.0)


def after_share(t: Turn) -> None:
    """After a weighed chain: ask for more causes while most of the gap is unexplained, else move on."""
    chains = t.review.cause_chains
    total = sum(c.share or 0.0 for c in chains)
    main = next((c for c in chains if c.is_main), None)
    if total < EXPLAINED_ENOUGH:
        t.say(
            "drill_unexplained_most" if total < 0.5 else "drill_unexplained",
            explained=f"{total * 100:.0f}%",
            left=f"{(1 - total) * 100:.0f}%",
        )
        t.state.analysis.step = "more_causes"
        t.ask("drill_more_causes")
        return
    if main is not None:
        t.say("drill_main", root=quote(main.root_cause, t.lang), share=f"{(main.share or 0) * 100:.0f}%")
    _offer_another(t)


def _more_causes(t: Turn) -> None:
    body = normalize(t.text)
    # "你怎么又问为什么，我说了根因了", "接通率不挖了": talk about the review, no more causes of this one
    if is_no(body) or none_more().match(body) or len(body) == 0 or not without_meta(t.text).strip():
        _offer_another(t)
        return
    if is_yes(body) and len(body) <= 4:
        t.ask("drill_more_what")
        return
    chains = t.review.cause_chains
    phenomenon = chains[-1].phenomenon if chains else t.text
    text = t.text
    if (named := _other_finding_named(t, phenomenon)) is not None:
        phenomenon, text = (
            named  # "损耗那个是外部的，…": a cause of another finding, not one more of this one
        )
    t.state.analysis.drill = DrillState(phenomenon=phenomenon)
    t.state.analysis.drilled.append(phenomenon)
    t.state.analysis.step = "drill"
    t.state.asked = None
    _answer(t, _ANOTHER_CAUSE.sub("", text) or text, is_cause=True)


# the finding a message opens on, named by its topic: "损耗那个…", "投诉这块…", "the backlog one …"
_TOPIC_HEAD = re.compile(
    r"^(?P<topic>[^，,。；;\s]{2,8}?)(?:那个|这个|那块|这块|那条|这条|那边|这边)[，,]?\s*(?=\S)"
    r"|^(?:the\s+)?(?P<en>[a-z][\w -]{1,30}?)\s+one\b[,\s]*(?=\S)",
    re.I,
)


def _other_finding_named(t: Turn, current: str) -> tuple[str, str] | None:
    """(the finding, the words after its name) when the message opens by naming a finding still to drill
    other than the one just drilled; None when it names none or names the current one."""
    from coach.engines.rules.finding_causes import finding_named
    from coach.engines.rules.stages.analysis import candidates

    head = _TOPIC_HEAD.match(t.text.strip())
    if head is None:
        return None
    named = finding_named(t, head.group("topic") or head.group("en") or "")
    if named is None or named == current or named not in candidates(t):
        return None
    # "the waste one is external, …": what follows its name says "it"
    rest = re.sub(r"^(?:is|was|'s)\b", "it is", t.text.strip()[head.end() :], flags=re.I)
    return named, rest


def _offer_another(t: Turn) -> None:
    from coach.engines.rules.stages.analysis import candidates

    if candidates(t):
        t.state.analysis.step = "another"
        t.ask("drill_another")
    else:
        flow.advance(t)


def _another(t: Turn) -> None:
    from coach.engines.rules.stages.analysis import ask_choose

    if is_no(t.text):
        flow.advance(t)
    else:
        ask_choose(t)
