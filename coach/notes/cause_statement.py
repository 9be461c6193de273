"""One cause statement read on its own: its phenomenon, surface cause and root cause, whether it names the
main cause, and the share of the gap it says it explains."""

from __future__ import annotations

import dataclasses
import re

from coach.domain.retrospective import CauseChain
from coach.notes import cues, drilldown
from coach.notes.segment import Item
from coach.notes.vocabulary import LANGUAGES, alternation, words

_SURFACE_ROOT = re.compile(
    r"(?:表面上?看?是?|直接原因是?)(?P<surface>.+?)[，,]\s*(?:但是?|"
    r"而)?\s*(?:真正的原因|根本原因|根因|根子)(?:是|在于|就是)?"
    r"(?P<root>.+)"
)
ROOT_MARK = re.compile(
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
# "八九成", "two thirds": a share of the gap said in words (per-language data, `share_word`: share → words);
# the longest word wins, and among words as long the one listed first
_SHARE_WORDS: tuple[tuple[str, float], ...] = tuple(
    sorted(
        (
            (word, float(share))
            for lang in LANGUAGES
            for share, said in words(lang)["share_word"].items()
            for word in said
        ),
        key=lambda pair: -len(pair[0]),
    )
)
# "… This is the root cause", "…，这就是根本原因": the root mark points back at the words before it
_ROOT_NAMED_BEFORE = re.compile(
    r"(?:(?<=[.!;。；！，,])|^)\s*(?:and\s+)?(?:this|that|it)(?:'s|\s+is|\s+was)\s+(?:the|our)\s+$|"
    r"(?:(?<=[。；！，,])|^)\s*(?:这|那)(?:就|才|个|也)?是$",
    re.I,
)
_PERCENT = re.compile(r"(\d{1,3})\s*%")
_EMPTY_CAUSE = re.compile(r"^(?:但是?)?这个?(?:不是|才是)?(?:根本原因|主因|原因)[。.]?$")


def share_of(text: str) -> float | None:
    """The share of the gap a cause is said to explain ("八九成" → 0.85, "80%" → 0.8)."""
    for word, share in _SHARE_WORDS:
        if word in text:
            return share
    m = _PERCENT.search(text)
    if m and cues.MAIN_CAUSE.search(text):
        value = int(m.group(1))
        return value / 100 if 0 < value <= 100 else None
    return None


# a last clause that only weighs the cause or calls it the main one: "…，郑敏估计这个占了七成", "…，大约七成，
# 是主因", "…, I'd say about 70% of it"
_WEIGHING_TAIL = re.compile(
    r"[，,]\s*(?:[\u4e00-\u9fff]{1,4}?(?:估计|觉得|认为|说))?(?:这个|这一?条|这|它)?(?:大概|大约|约|差不多)?"
    r"(?:(?:占了?|能占|占到)(?:[^，,]{0,10}的)?)?"
    r"(?:[一二三四五六七八九]+成[半五]?|\d{1,3}\s*%|一半|大头|三分之二|四分之三)(?:左右)?(?:的原因)?[。.]?$"
    r"|[，,]\s*(?:这|这个|这一?条|它)?(?:就|才|也)?是(?:最大的|最主要的)?主因[。.]?$"
    r"|[,，]\s*(?:\w+\s+)?(?:I'd say|I think|we think|reckons?|says|estimates?)?\s*"
    r"(?:about|roughly|around|~)?\s*"
    r"\d{1,3}\s*%(?:\s+of (?:it|the gap|the problem))?[.]?$",
    re.I,
)
# a step down said inside a rung: "高峰期人手不够，再往下是排班…" is two rungs, "A → B"
_DEEPER_INSIDE = re.compile(
    r"[，,]\s*(?:再)?往下(?:看|挖|追|说)?(?:是|就是)?[，,]?\s*|[,，]\s*(?:and )?underneath (?:that|it),?\s*",
    re.I,
)


# "…物流延误带来的，属于外部因素": the words saying what brought it about (data, `brought_about_verb`)
_BROUGHT_ABOUT_END = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})(?:" + alternation("brought_about_verb", ("zh",)) + r")的(?:[，,].*)?$"
)


def _without_weighing(text: str) -> str:
    while (tail := _WEIGHING_TAIL.search(text)) is not None:
        text = text[: tail.start()]
    return text


def clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = _DEEPER_INSIDE.sub(" → ", _without_weighing(text.strip(" 。.")))
    text = re.sub(r"(这是主因|这是最主要的|这条能解释.*|这个能解释.*|首响超时大头都在这)[。.]?$", "", text)
    text = re.sub(r"^[ ，,]*(?:是(?!否)|就是|在于)", "", text.strip(" ，,。.;；:："))
    # "（投诉多主要是）物流延误带来的，属于外部因素": what brought it about ends the cause, a remark follows
    text = _BROUGHT_ABOUT_END.sub("", text)
    return text or None


# "卖品为什么差，我觉得主要是…", "Why so few? I think it was …": the speaker's "I think" leads to the cause
_OWN_VIEW_AFTER = re.compile(
    r"[，,]?\s*(?:我|\bI)\s*(?:觉得|认为|看|估计|想|think|reckon|guess|believe)"
    r"(?:\s*(?:mainly|mostly|largely|partly|主要|大多))?$",
    re.I,
)


def _phenomenon(text: str, cut: int) -> str | None:
    head = drilldown.without_teller(re.sub(r"^\[[\d:]+\]\s*", "", text[:cut])).strip(" ，,。：:")
    head = _OWN_VIEW_AFTER.sub("", head).strip(" ，,。：:")
    head = re.sub(r"^why\s*\d{1,2}\s*[:：.、]\s*", "", head, flags=re.I)
    head = re.sub(
        r"为什么|为啥|是$|之所以|^(?:mostly|mainly|largely|partly|主要|大多)$", "", head, flags=re.I
    )
    head = re.sub(r"\b(?:the|our|a|an|and|but)$", "", head.strip(" ，,？?"), flags=re.I).strip(" ，,？?")
    # "Complaints were up, mostly due to …": how much of it the reason explains is no part of what was seen
    head = re.sub(r"[，,]\s*(?:mostly|mainly|largely|partly)$", "", head, flags=re.I)
    # "A second contributing factor was …", "Another cause is …": the place in the count is no phenomenon
    return head if len(head) >= 2 and not _COUNTED_PLACE.fullmatch(head) else None


_COUNTED_PLACE = re.compile(
    r"(?:(?:a|the|one)\s+)?(?:first|second|third|fourth|other|another|further|final|last|more)"
    r"(?:\s+(?:big|main|major|minor|smaller))?|(?:第[一二三四五六七八九十]|另一|还有一|最后一)个?",
    re.I,
)


# "X is the root cause", "X才是根本原因": the words before the mark name the cause
_SUBJECT_IS = re.compile(
    r"(?P<subject>[^.;:!?。；：！？]{3,}?)\s+(?:is|was)\s+(?:the|our)(?:\s+(?:real|actual|true))?\s*$|"
    r"(?P<zh>[^。；：！？，,]{2,}?)(?:就|才|也)?是$",
    re.I,
)
# what may follow "is the root cause" / "是根子上" when the words before it are the root
_ROOT_NAMED_AFTER = re.compile(r"\s*(?:的(?:问题|原因|症结|毛病))?\s*(?:$|[,，;；.。!！]|and\b)")
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
        root_m = ROOT_MARK.search(text)
        surface_m = _SURFACE_MARK.search(text)
        surface_split = drilldown.surface_split(text)
        named_before = _ROOT_NAMED_BEFORE.search(text[: root_m.start()]) if root_m else None
        subject = _subject_named(text, root_m.start()) if root_m else None
        if root_m and subject and _ROOT_NAMED_AFTER.match(text[root_m.end() :]):
            # "… the mandatory bank connection is the root cause, and …", "没有分时段预约是根子上的问题，…":
            # the subject is the root
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
        surface_cause=clean(surface),
        root_cause=clean(root),
        share=share_of(text) if main else None,
        is_main=main,
        evidence=item.evidence,
    )


def chain_words(chain: CauseChain) -> str:
    """All the words of a chain: phenomenon, surface cause and root cause."""
    return " ".join(filter(None, (chain.phenomenon, chain.surface_cause, chain.root_cause)))


# "交车慢，一部分是因为返修车占了工位，另一部分是洗车房只有一台设备", "Queues were long partly because of
# the printers and partly because of staffing": a finding split between two causes
_SHARED_ZH = re.compile(
    r"^(?P<seen>[^，,。；;]*?)[，,]?\s*(?:有)?一部分(?:是|原因是)?(?:因为|由于)?(?P<a>[^；;]+?)[，,；;]\s*"
    r"(?:另一部分|另外一部分|还有一部分|一部分)(?:是|原因是|则是)?(?:因为|由于)?(?P<b>[^；;]+)$"
)
_SHARED_EN = re.compile(
    r"^(?P<seen>[^.;]*?)[,]?\s*\bpartly (?:because(?: of)?|due to) (?P<a>.+?),?\s+and partly "
    r"(?:because(?: of)?\s+|due to\s+)?(?P<b>.+)$",
    re.I,
)

# "目录申报拖着，一是医保局改了申报表格，二是医保办人手只有两个", "It slipped, first because …, and second
# because …": two reasons counted out in one sentence
_COUNTED_ZH = re.compile(
    r"^(?P<seen>.*?)[，,：:]\s*一(?:是|来)(?P<a>[^；;]+?)[，,；;]\s*二(?:是|来)(?P<b>[^；;]+)$"
)
_COUNTED_EN = re.compile(
    r"^(?P<seen>[^.;]*?)[,:]?\s*\bfirst(?:ly)?,?\s+(?:because(?: of)?\s+)?(?P<a>.+?)[,;]?\s+(?:and\s+)?"
    r"second(?:ly)?,?\s+(?:because(?: of)?\s+)?(?P<b>.+)$",
    re.I,
)

# "就餐人次没到，一方面是秋季流感…；另一方面外卖平台进校园以后…", "Visits fell, on the one hand because of
# the flu, on the other hand because …": the two sides of why
_SIDES_ZH = re.compile(
    r"^(?P<seen>[^，,。；;]*?)[，,：:]\s*一方面(?:是|原因是)?(?:因为|由于)?(?P<a>[^；;]+?)[，,；;]\s*"
    r"另一方面(?:是|则是)?(?:因为|由于)?(?P<b>[^；;]+)$"
)
_SIDES_EN = re.compile(
    r"^(?P<seen>[^.;]*?)[,:]?\s*\bon the one hand,?\s+(?:because(?: of)?\s+)?(?P<a>.+?)[,;]?\s+"
    r"(?:and\s+|but\s+)?on the other(?: hand)?,?\s+(?:because(?: of)?\s+)?(?P<b>.+)$",
    re.I,
)


def counts_out_reasons(text: str) -> bool:
    """ "目录申报拖着，一是…，二是…", "…，一方面是…；另一方面…": what went wrong, then its reasons counted out
    one by one."""
    shapes = (_COUNTED_ZH, _COUNTED_EN, _SIDES_ZH, _SIDES_EN)
    m = next((m for shape in shapes if (m := shape.match(text.strip())) is not None), None)
    return m is not None and len(m.group("seen").strip(" ，,:：")) >= 2


def shared_out(item: Item) -> list[Item]:
    """The statement as one cause statement per share of a finding it names ("一部分是…，另一部分是…",
    "partly because …, and partly because …") or per reason it counts out ("一是…，二是…"); the statement
    itself when it names one."""
    text = item.text.strip()
    shapes = (
        (_SHARED_ZH, "，因为"),
        (_SHARED_EN, " because "),
        (_COUNTED_ZH, "，因为"),
        (_COUNTED_EN, " because "),
        (_SIDES_ZH, "，因为"),
        (_SIDES_EN, " because "),
    )
    for pattern, because in shapes:
        m = pattern.match(text)
        if m is None:
            continue
        seen = m.group("seen").strip(" ，,")
        parts = (m.group("a").strip(" ，,"), m.group("b").strip(" ，,。."))
        return [dataclasses.replace(item, text=f"{seen}{because}{part}" if seen else part) for part in parts]
    return [item]
