"""Several causes of one finding, each with its share, said one to a sentence or a line: "Three reasons,
with shares. Saw blades running blunt, because …: about 30%. The scanner …: 50%. And the log quality …:
20%, that's theirs", "另外胶水配比是夜班凭手感调的，占三成；剩下一成是客户自己仓库堆太高，那是他们的事".

Each weighed sentence is a cause chain of its own, never a finding; the words before the first one say
what they are the causes of. A remark after a share ("that's theirs", "不用挖了") is no part of the cause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach.domain.critique import is_external
from coach.domain.reading import cues
from coach.domain.reading.blocks import has_rung, sentences, strip_filler
from coach.domain.reading.meta import is_meta_remark
from coach.domain.retrospective import CauseChain
from coach.engines.rules.chain_filing import file_chain
from coach.engines.rules.chains import read_chain
from coach.engines.rules.replies import render
from coach.engines.rules.share import (
    has_share,
    only_glue,
    parse_share,
    parse_shares,
    shares_said,
    without_share,
)
from coach.engines.rules.share_fixes import fix_share, naming_stop, share_fix
from coach.engines.rules.stages import drilldown
from coach.engines.rules.text import has_words, quote, split_cause, word_grams
from coach.engines.rules.turn import Turn

_CLAUSE = re.compile(r"[，,:：]\s*")
_MOST = 1.0001  # the shares of one finding's causes add up to the whole at most
# the steps where a message of weighed causes is read here: the findings, and the offers after a drill-down
_STEPS = ("highlights", "shortfalls", "shortfall_why", "missed", "choose", "another", "more_causes")


@dataclass(frozen=True)
class Weighed:
    """One cause said with its share: the rungs above the root ("Saw blades running blunt"), then the root."""

    surface: str | None
    root: str
    share: float


def _weighed(sentence: str) -> Weighed | None:
    """ "Saw blades running blunt, because we stretched …: about 30%" → a cause and its share: one share,
    said in a clause of its own after the cause ("…，占三成") or leading it ("剩下一成是…"); remarks after
    it ("that's theirs", "不用挖了") go."""
    body = strip_filler(sentence).rstrip(" 。.;；!！")
    body = cues.rest().sub("", body, count=1).lstrip(" ：:，,")  # "剩下一成是…", "The rest is …"
    if has_rung(body) or len(shares_said(body)) != 1 or share_fix().search(body):
        return None
    clauses = _CLAUSE.split(body)
    at = next(i for i, c in enumerate(clauses) if has_share(c))
    token = shares_said(clauses[at])[0]
    share = parse_share(token.group(0))
    before, after = clauses[at][: token.start()], clauses[at][token.end() :]
    comma = "，" if re.search(r"[\u4e00-\u9fff]", body) else ", "
    remarks = clauses[at + 1 :]
    if at > 0 and not has_words(without_share(clauses[at])):
        cause = comma.join(clauses[:at])  # "…: about 30%", "…，占三成"
    elif not has_words(without_share(after)) and has_words(without_share(clauses[at])):
        cause = comma.join(
            [*clauses[:at], without_share(clauses[at])]
        )  # "烘干参数六成", "Make it the matrix 70%"
    elif at == 0 and has_words(after) and only_glue(before):
        # "剩下一成是客户自己仓库堆太高，那是他们的事": the share leads its cause
        cause, remarks = comma.join([without_share(clauses[0]), *clauses[1:]]), []
    else:
        return None
    if share is None or not 0 < share < 1:
        return None
    said = [c for c in remarks if has_words(c)]
    ends = next((i for i, c in enumerate(said) if is_meta_remark(c) or is_external(c)), None)
    if said and ends is None:
        return None  # words after the share that no remark ends ("外部的，别往下挖"): more than one cause
    below = said[:ends]  # what is said after a remark is a remark too ("external, nothing to do there")
    cause = comma.join(c for c in _CLAUSE.split(cause) if not is_meta_remark(c)).strip(" ，,")
    if not _names_a_cause(cause) or _unknown(cause):
        return None
    if below:  # "原粮本身质量差，一成五，今年收购的稻谷普遍早衰，天气原因，外部的": the cause, then its why
        return Weighed(surface=cause, root=comma.join(below), share=share)
    head, why = split_cause(cause)
    return Weighed(surface=head if why else None, root=why or cause, share=share)


def _unknown(cause: str) -> bool:
    """A cause said only to be unknown ("说不清", "no idea"): no cause at all."""
    return not has_words(cues.words_pattern("cause_unknown").sub(" ", cause))


def _several_in_one(sentence: str) -> list[Weighed]:
    """ "另外两成是新仪器的参数设置错了，一成是甲方中途改范围，甲方那个是外部的": causes weighed in one
    sentence, every other clause a remark; none when a clause says more."""
    body = strip_filler(sentence).rstrip(" 。.;；!！")
    if has_rung(body) or share_fix().search(body):
        return []
    said = parse_shares(body)
    if len(said) < 2 or sum(s.share for s in said) > _MOST or not all(0 < s.share < 1 for s in said):
        return []
    if not all(_names_a_cause(s.cause) for s in said):
        return []
    unweighed = [c for c in _CLAUSE.split(body) if not has_share(c)]
    if not all(is_meta_remark(c) or is_external(c) or not has_words(c) for c in unweighed):
        return []
    out = []
    for s in said:
        head, why = split_cause(s.cause)
        out.append(Weighed(surface=head if why else None, root=why or s.cause, share=s.share))
    return out


def _rest_unknown(sentence: str) -> bool:
    """ "剩下一点说不清", "The last bit, no idea": the rest of the gap said to be unknown, nothing to file."""
    body = strip_filler(sentence).rstrip(" 。.;；!！")
    if not cues.words_pattern("cause_unknown").search(body):
        return False
    return _unknown(cues.words_pattern("rest_words").sub(" ", without_share(body)))


def _names_a_cause(cause: str) -> bool:
    """Words enough to be a cause: two words or Chinese character pairs beyond those that only point
    ("That's", "这个")."""
    return not is_meta_remark(cause) and len(word_grams(cause) - naming_stop()) >= 2


@dataclass(frozen=True)
class WeighedList:
    lead: list[str]  # the sentences before the first weighed cause: what they are causes of
    causes: list[Weighed]


def read_weighed(text: str) -> WeighedList | None:
    """Two weighed causes or more, together no more than the whole; None otherwise."""
    said = sentences(text)
    found = [(i, w) for i, s in enumerate(said) if (w := _weighed(s)) is not None]
    if len(found) < 2 and len(said) == 1 and (several := _several_in_one(said[0])):
        return WeighedList(lead=[], causes=several)  # "另外两成是…，一成是…，甲方那个是外部的"
    if len(found) < 2 or sum(w.share for _, w in found) > _MOST:
        return None
    first = found[0][0]
    others = [s for i, s in enumerate(said[first:], first) if i not in dict(found)]
    if any(has_words(s) and not is_meta_remark(s) and not _rest_unknown(s) for s in others):
        return None  # other sentences among the causes: more than a list of weighed causes
    return WeighedList(lead=said[:first], causes=[w for _, w in found])


def take(t: Turn) -> bool:
    """File a message of weighed causes as cause chains of the finding it names; True when it did."""
    if t.state.stage != "analysis" or t.state.analysis.step not in _STEPS:
        return False
    said = read_weighed(t.text)
    if said is None:
        return False
    phenomenon, named = _phenomenon(t, said.lead)
    if phenomenon is None:
        return False
    if said.lead and t.state.analysis.step in ("more_causes", "another"):
        fix_share(t, " ".join(said.lead), said_as_fix=True)  # "Actually, make that 70%. The storms: 20%"
    filed = [
        file_chain(
            t.review.cause_chains,
            CauseChain(
                phenomenon=phenomenon,
                surface_cause=w.surface,
                root_cause=w.root,
                share=w.share,
                evidence=t.text,
            ),
        )
        for w in said.causes
    ]
    t.state.analysis.drilled += [phenomenon, *named]
    t.state.analysis.drill = None
    drilldown.mark_main(t.review.cause_chains)
    sep = "、" if t.lang == "zh" else ", "
    roots = sep.join(quote(c.root_cause, t.lang, 24) for c in filed)
    t.say("filed", parts=render("filed_chains", t.lang, items=roots))
    if _holds_ladder(said.lead):
        t.text = "\n".join(said.lead)  # the ladder said before the other causes is read as usual
        return False
    drilldown.after_share(t)
    return True


def _holds_ladder(lead: list[str]) -> bool:
    """Whether the words before the weighed causes drill one cause down ("Surface: …", "为什么…？根子是…")."""
    parts = read_chain("\n".join(lead)) if lead else None
    return parts is not None and bool(parts.root) and bool(parts.surface)


def _phenomenon(t: Turn, lead: list[str]) -> tuple[str | None, list[str]]:
    """What the weighed causes are causes of: a phenomenon said before them, else the finding they name,
    else the finding whose causes are being weighed; with the findings named (drilled now)."""
    named = [f.text for f in t.review.shortfalls if _names(lead, f.text)]
    named += [g.name for g in t.review.goals if g.name and _names(lead, g.name)]
    for sentence in lead:
        body = strip_filler(sentence)
        rung = cues.rungs()["phenomenon"].match(body)
        if rung and has_words(body[rung.end() :]):
            return body[rung.end() :].strip(" :：，,。."), named
    parts = read_chain(" ".join(lead)) if lead else None
    if parts is not None and parts.phenomenon:
        return parts.phenomenon, named
    if named:
        return named[0], named
    if t.state.analysis.step == "more_causes" and t.review.cause_chains:
        return t.review.cause_chains[-1].phenomenon, named
    return None, named


def _names(lead: list[str], finding: str) -> bool:
    """Whether a sentence before the causes is the finding's name, said short ("Recovery.", "投诉：")."""
    own = word_grams(finding)
    for sentence in lead:
        said = word_grams(strip_filler(sentence).strip(" :：.。"))
        if said and own and said <= own and len(sentence) <= 30:
            return True
    return False
