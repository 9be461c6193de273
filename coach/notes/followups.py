"""Sentences that complete an earlier one: "Luis, X by March 6?" — "Yes.", "Aiko owns this, due October 9".

In prose and transcripts a task is often named in one sentence and given its owner or date in the next.
This pass joins them, so the follow-up adds to the task instead of becoming a task of its own.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import TypeVar

from coach.domain.reading.language import HAN
from coach.notes import cues, prose
from coach.notes.finding_cues import is_bare_share
from coach.notes.handed_tasks import gives_a_date, handed_task
from coach.notes.segment import Item
from coach.notes.wordlists import phrases

K = TypeVar("K", bound=str)

_LOOK_BACK = 4  # a follow-up speaks of a task named in the last few sentences


def split_commitments(items: list[Item], kinds: list[K]) -> tuple[list[Item], list[K]]:
    """ "Key improvements are X and Y", "We will X, and we will Y": one action per piece of work;
    "We will keep X, and we will stop Y": one lesson per practice."""
    out_items: list[Item] = []
    out_kinds: list[K] = []
    for item, kind in zip(items, kinds, strict=True):
        parts = [item.text]
        if kind == "action" and not item.fields:
            parts = prose.commitment_parts(item.text)
        elif kind == "lesson" and not item.fields:
            joined = prose.joined_commitments(item.text)
            practices = all(prose.commitment_lesson_verb(p) or prose.states_practice(p) for p in joined)
            parts = joined if practices else parts
        for part in parts:
            out_items.append(dataclasses.replace(item, text=part) if len(parts) > 1 else item)
            out_kinds.append(kind)
    return out_items, out_kinds


# "I'll have it in by next Friday", "我下周五前交": the addressee takes the task on with a date, no "yes"
_TAKES_IT_ON = re.compile(
    r"^(?:I(?:'ll|’ll| will| can)\s+(?:\w+\s+){0,2}?(?:it|that|this|them|one)\b"
    r"|我(?!觉得|认为|看|想)(?:这边)?(?=[^，,。]{0,12}(?:前|之前|以前)))",
    re.I,
)


def takes_it_on(text: str) -> bool:
    """ "I'll have it in by next Friday", "我下周五前交": a reply that takes the asked task on, with a date;
    an opinion or a refusal ("我觉得下周前不行", "I can't do it by Friday") takes nothing on."""
    from coach.notes.actions import mentions_date

    refuses = re.search(r"不|没|(?i:\bnot\b|n't|\bcannot\b)", text) is not None
    return _TAKES_IT_ON.match(text.strip()) is not None and mentions_date(text) and not refuses


# "I'll have the checklist by March 25", "清单我3月25日前给": the one asked says they will do it
_SAYS_THEY_WILL = re.compile(r"^I(?:'ll|’ll| will| can)\b|^[^，,。]{0,12}?我(?!觉得|认为|看|想)", re.I)


def restates_it(text: str, task: str) -> bool:
    """ "Joy, the drum settings and a post-rebuild checklist?" — "I'll have the checklist by March 25.": the
    reply takes the task on in words of the task itself, with a date; a refusal takes nothing on."""
    from coach.notes.actions import mentions_date

    refuses = re.search(r"不|没|(?i:\bnot\b|n't|\bcannot\b)", text) is not None
    shared = (_content_words(text) & _content_words(task)) - _STOP_STEMS - _TASK_NOUNS
    said = _SAYS_THEY_WILL.match(text.strip()) is not None
    return said and bool(shared) and mentions_date(text) and not refuses


def called(speaker: str | None, name: str) -> bool:
    """ "Marek" calls the speaker "Marek Nowak": a first name is enough to address someone; so is a surname
    with a title ("胡护士长" calls "胡秀英")."""
    from coach.notes.people import full_name

    if speaker is None:
        return False
    first_name = name.isascii() and speaker.split()[0] == name
    return speaker == name or first_name or (name != speaker and full_name(name, [speaker]) == speaker)


def _confirmed_by(items: Sequence[Item], i: int, name: str, task: str, *, dated: bool = False) -> int | None:
    """The index of the addressee's agreement right after item i, if they agree; a reply that is only a
    deadline ("Megan, can you write it?" — Megan: "By February 6.") or opens on one ("下周五前装完。") takes
    the task on with that date. A task handed without asking (`dated`) is taken on only with a date."""
    from coach.notes.actions import mentions_date

    for j in range(i + 1, min(i + 3, len(items))):
        text = items[j].text
        agrees = prose.is_confirmation(text) or prose.accepts_task(text) or takes_it_on(text)
        agrees = agrees or restates_it(text, task)
        agrees = agrees or _only_a_deadline(text)
        # "下周五前装完。" takes on a task of the actions, not "老杨，满月酒定哪天了？" asked in small talk
        agrees = agrees or (items[i].section == "action" and gives_a_date(text))
        agrees = agrees and (not dated or mentions_date(text))
        if called(items[j].speaker, name) and agrees:
            return j
        if items[j].speaker not in (None, items[i].speaker):
            return None
    return None


def _earlier_actions(kinds: Sequence[str], i: int, count: int) -> list[int]:
    found = [j for j in range(i - 1, max(-1, i - 1 - _LOOK_BACK), -1) if kinds[j] == "action"]
    return sorted(found[:count])


def _content_words(text: str) -> set[str]:
    """Word stems (first five letters) and Chinese bigrams: enough to tell two phrasings of one task apart."""
    latin = {w[:5].lower() for w in re.findall(r"[A-Za-z]{4,}", text)}
    han = re.sub(r"[^\u4e00-\u9fff]", "", text)
    return latin | {han[k : k + 2] for k in range(len(han) - 1)}


_STOP_STEMS = frozenset({"will", "with", "that", "this", "than", "only", "rather", "going", "forwa", "impro"})


def _same_task(a: str, b: str) -> bool:
    shared = (_content_words(a) & _content_words(b)) - _STOP_STEMS
    return len(shared) >= 2


_TYPE_REMARK = re.compile(
    r"^(?:that'?s|it'?s|this is|这是|属于).{0,40}?"
    r"(?:organi[sz]ation|process|culture|habit|mindset|people|skills?|business|product|组织|流程|文化|习惯|人的|业务)",
    re.I,
)


# "And start taking a deposit on every booking. Business.": the dimension said alone
_BARE_TYPE = re.compile(
    r"(?:organi[sz]ation(?:al)?|process|culture|people|business|组织|流程|文化|人|业务)"
    r"(?:\s+side|层面|方面|上的|的)?\s*[.。!！]?",
    re.I,
)


def attach_type_remarks(items: list[Item], kinds: list[K], other: K, lesson: K) -> list[K]:
    """ "Start an importer. That's a product call, business.", "… Business.": the remark types the lesson
    before it."""
    kinds = list(kinds)
    for i in range(1, len(items)):
        text = items[i].text.strip()
        remark = (_TYPE_REMARK.match(text) and len(text) <= 60) or _BARE_TYPE.fullmatch(text)
        if kinds[i] == lesson and kinds[i - 1] == lesson and remark:
            items[i - 1].text = f"{items[i - 1].text.rstrip()} ({text.rstrip('.。')})"
            kinds[i] = other
    return kinds


_PRONOUN_LEAD = re.compile(r"^(?:it|this|that|they|these|它|这(?!是最|是主))", re.I)


def _says_something(text: str) -> bool:
    """A statement of some length that is no question, aside or meeting talk."""
    from coach.notes import cues

    if cues.QUESTION.search(text) or cues.SMALL_TALK.search(text) or cues.DIGRESSION.search(text):
        return False
    if prose.is_aside(text) or prose.is_closing_talk(text) or prose.is_acknowledgement(text):
        return False
    if is_bare_share(text):
        return False  # "Three-quarters, maybe a bit more.": it weighs the cause, it tells no more of it
    return len(re.findall(r"[A-Za-z']+", text)) >= 4 or len(re.findall(r"[\u4e00-\u9fff]", text)) >= 8


_NAMED_WORDS, _NAMED_CJK = 7, 12
_TELLS_WORDS, _TELLS_CJK = 9, 16


def _names_then_tells(named: str, told: str) -> bool:
    """ "The in-app guide too." then "Tickets about first-time setup dropped by a third since we shipped it.":
    a few words name it, a longer statement not joined on as another one ("And …", "还有…") tells it."""
    short = len(_WORDS.findall(named)) <= _NAMED_WORDS and len(HAN.findall(named)) <= _NAMED_CJK
    longer = len(_WORDS.findall(told)) >= _TELLS_WORDS or len(HAN.findall(told)) >= _TELLS_CJK
    another = phrases("separate_lead", anchored=True).match(told) is not None
    return short and longer and not another and not cues.QUESTION.search(told)


_WORDS = re.compile(r"[A-Za-z']+")


def _bare_root(text: str) -> bool:
    """ "根子上是订货。", "The root cause is config.": a root named in a word or two, explained next."""
    from coach.notes import cues

    m = cues.ROOT.search(text)
    if m is None:
        return False
    rest = re.sub(r"^(?:上|还是|就是|是|在于|is|was|:|：|\s)+", "", text[m.end() :], flags=re.I)
    rest = rest.strip(" 。.!！")
    return len(re.findall(r"[A-Za-z]+", rest)) <= 3 and len(re.findall(r"[\u4e00-\u9fff]", rest)) <= 6


def join_continuations(items: list[Item], kinds: list[K], other: K) -> list[K]:
    """Clauses that only go on with the item before become part of it.

    "No emails were lost; every queued message was delivered." is one highlight; after "The root cause was
    the health check." the sentence "It never tried to write, …" tells the same cause, and after "the
    referral banner" (a highlight) "It drove a third of upgrades" tells the same highlight. After a mitigation
    sentence the rest of its paragraph tells how service came back, which is no finding either.
    """
    kinds = list(kinds)
    from coach.notes.beside import tells_consequence, tells_impact
    from coach.notes.prose import is_mitigation, prescribes

    mitigation_para: int | None = None
    for i in range(1, len(items)):
        item, before = items[i], items[i - 1]
        if is_mitigation(before.text) and not before.speaker:
            mitigation_para = before.para
        if item.para != before.para:
            continue
        if item.para == mitigation_para and not item.speaker and kinds[i] != "goal":
            kinds[i] = other
            continue
        same = kinds[i] == kinds[i - 1] and kinds[i] in ("highlight", "shortfall", "cause", "lesson")
        # "keep the demo; start canary releases" are two rules; "stop X; alerts go to the rota" is one
        same = same and not (kinds[i] == "lesson" and prescribes(item.text))
        # in one speaker's turn, "It is still built on last year's data." after a cause goes on with it,
        # whatever topic the turn was announced under; so does the sentence after a root told in a word
        in_turn = item.speaker is not None and item.line == before.line
        after_cause = kinds[i - 1] == "cause" and (
            kinds[i] == other or (in_turn and kinds[i] in ("shortfall", "highlight") and not item.label)
        )
        leads_on = _PRONOUN_LEAD.match(item.text) is not None or (in_turn and _bare_root(before.text))
        # "This led to 4,000 failed orders.", "这导致了4000笔订单失败": what followed is no more of the cause
        leads_on = leads_on and not (tells_consequence(item.text) or tells_impact(item.text))
        elaborates = leads_on and (
            after_cause or (kinds[i - 1] in ("highlight", "shortfall") and kinds[i] in (other, kinds[i - 1]))
        )
        # "…because the SDK upgrade took three times longer. We found breaking changes in the refund API.":
        # in one turn, a sentence that is no item of its own tells more of the cause before it
        tells_more = in_turn and kinds[i - 1] == "cause" and kinds[i] == other and _says_something(item.text)
        # "we said we would publish a status page; it still does not exist, so riders learned of it late":
        # the clause after ";" tells the finding on, whatever word in it sounded like a lesson
        finding_before = kinds[i - 1] in ("highlight", "shortfall") and kinds[i] in (other, "lesson")
        goes_on = item.continues and (same or (finding_before and not cues.LESSON_PREFIX.search(item.text)))
        # "For me the new kickoff template." | "Every kickoff now ends with a written plan, …": in one turn, a
        # finding named in a few words is told on by the longer statement after it
        told_on = in_turn and kinds[i] == kinds[i - 1] and _names_then_tells(before.text, item.text)
        told_on = told_on and kinds[i] in ("highlight", "shortfall") and not before.label
        if goes_on or (elaborates and item.speaker == before.speaker) or tells_more or told_on:
            before.text = f"{before.text.rstrip()} {item.text.strip()}"
            before.evidence = f"{before.evidence} {item.evidence}"
            item.text = before.text
            kinds[i] = other
    return kinds


def _assign_addressed(items: list[Item], kinds: list[K], i: int, other: K, action: K) -> bool:
    """ "Luis, staged rollout by March 6?" — Luis: "Yes.": the task is Luis's; True when joined."""
    from coach.notes.actions import mentions_date, names_time

    item = items[i]
    addressed = prose.addressed_task(item.text) if item.speaker else None
    # a task named to someone without asking is one only where the talk has turned to the actions
    handed = addressed is None and item.speaker is not None and item.section == "action"
    addressed = addressed or (handed_task(item.text) if handed else None)
    if addressed is None:
        return False
    name, task = addressed
    j = _confirmed_by(items, i, name, task, dated=handed)
    if j is None:
        return False
    # the one who answers is named in full: "Marek, …?" — "Marek Nowak: Yes."
    item.text, item.owner = _without_asking(task), items[j].speaker or name
    # "…, by tonnage?" is not dated: "by" leads to a deadline only when a time follows
    dated = mentions_date(task) and names_time(task)
    if not dated and mentions_date(items[j].text):
        item.due = items[j].text  # "By March 6, yes." dates the task it agrees to
    kinds[i], kinds[j] = action, other
    after = j + 1
    if after < len(items) and item.due is None and not dated:
        # "I can." — "The board meets on the 28th, I'll have the paper in by then.": the date they give next
        said = items[after]
        if prose.points_to_then(said.text):
            day = _deadline_named(said.text)
        else:  # "Yes, I'll take that." — "By the end of October.": a date said on its own
            day = said.text if _only_a_deadline(said.text) else None
        if called(said.speaker, name) and day is not None:
            item.due, kinds[after] = day, other
    _how_they_will(items, kinds, j, other, action)
    return True


def _how_they_will(items: list[Item], kinds: list[K], j: int, other: K, action: K) -> None:
    """ "Yes, by next Friday. I need the supplier to do one bit.": what the one who took the task says next
    in the same turn tells how they will do it, no task of its own unless it has a date of its own."""
    from coach.notes.actions import mentions_date

    k = j + 1
    while k < len(items) and items[k].line == items[j].line and items[k].speaker == items[j].speaker:
        if kinds[k] == action and not mentions_date(items[k].text):
            kinds[k] = other
        k += 1


_ASKED_EITHER_WAY = re.compile(r"^(?:你|您)?(?:能不能|可不可以|可以不可以|能否|是否可以)")


def _without_asking(task: str) -> str:
    """ "the policy, can you take it to the board" → "the policy, take it to the board";
    "方案你能重做吗" → "方案重做": the task without the words that ask for it."""
    from coach.domain.reading.cues import ask_task

    task = _ASKED_EITHER_WAY.sub("", task)  # "你能不能…": the shared cues take "你能" and leave "不能…"
    asked = re.sub(r"\s{2,}", " ", ask_task().sub("", task))
    return re.sub(r"(?:一下)?[吗呢]$", "", asked).strip(" ,，") or task


def _only_a_deadline(text: str) -> bool:
    """ "By the end of October.", "月底前。": a sentence that says a deadline and nothing else."""
    import datetime as dt

    from coach.domain.parsing import find_dates

    named = [d for d in find_dates(text, dt.date.today()) if not d.recurring]
    if not named:
        return False
    rest = text.replace(named[0].text, " ")
    rest = re.sub(
        r"(?i)\b(?:by|before|until|due|at|the|latest|ok|okay|yes|give|me)\b|之前|以前|前|吧|[\W\d_]",
        " ",
        rest,
    )
    return len(rest.split()) == 0


def _deadline_named(text: str) -> str | None:
    """ "The board meets on the 28th, I'll have it in by then" → "by the 28th": the day "then" points to."""
    import datetime as dt

    from coach.domain.parsing import find_dates

    ordinal = re.search(r"\bthe\s+\d{1,2}(?:st|nd|rd|th)\b", text, re.I)
    if ordinal is not None:
        return f"by {ordinal.group(0)}"  # "the 28th" is a deadline only after "by"
    named = [d for d in find_dates(text, dt.date.today()) if not d.recurring]
    if not named:
        return None
    day = named[0].text
    return f"{day}前" if re.search(r"[\u4e00-\u9fff]", day) else f"by {day}"


def _give_to_earlier(items: list[Item], kinds: list[K], i: int, action: K) -> bool:
    """ "Aiko owns this, due October 9": owner and date go to the task(s) just named; True when given."""
    from coach.notes.actions import find_who, mentions_date, names_time

    item = items[i]
    # a task that already names its owner is not the one a later "X will ship it" hands out
    unowned: list[str] = list(kinds)
    for j in range(i):
        if kinds[j] == action and (items[j].owner or find_who(items[j].text, items[j].speaker)):
            unowned[j] = "owned"
    earlier = _earlier_actions(unowned, i, prose.references_count(item.text))
    if not earlier:
        return False
    owner = prose.named_owner(item.text, item.speaker)
    handed = handed_task(item.text) if item.speaker and item.section == "action" else None
    owner = owner or (handed[0] if handed else None)  # "And the buggy paths. Callum, finish them …"
    for j in earlier:
        items[j].owner = items[j].owner or owner
        if mentions_date(item.text) and not names_time(items[j].text):
            items[j].due = item.text
    return True


def _drop_unowned_mentions(items: list[Item], kinds: list[K], i: int, other: K, action: K) -> None:
    """ "Hamid owns the pool separation": the named task replaces the ownerless mention of it before."""
    from coach.notes.actions import find_who, mentions_date

    for j in range(i):
        if kinds[j] != action or items[j].owner or not _same_task(items[j].text, items[i].text):
            continue
        if not mentions_date(items[j].text) and not find_who(items[j].text, items[j].speaker):
            kinds[j] = other


# "Lina Okafor owns the test lab change, due by the end of September", "测试实验室改造由林娜负责，9月底前":
# a person handed a task named in a few words, the task itself named before
_OWNS_NAMED = re.compile(
    r"^(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?:owns|will\s+own|takes|will\s+take)\s+"
    r"(?P<what>the\s+[^,;.]{2,40}?)(?=\s*(?:[,;.]|$)|\s+(?:and|due|by|to\s+be)\b)"
    r"|^(?P<what_zh>[\u4e00-\u9fff]{2,12}?)(?:这件事|这块|这一项)?由(?P<name_zh>[\u4e00-\u9fff]{2,3})(?:负责|牵头|跟进)"
)


# words that name any task ("the test lab change", "the migration work"): they tell no task from another
_TASK_NOUNS = frozenset({"chang", "updat", "work", "task", "proje", "thing", "plan", "item", "stuff"})


def _hands_named_task(items: list[Item], kinds: list[K], i: int, action: K) -> bool:
    """ "Lina Okafor owns the test lab change, due …" after "… adding every hardware variant to the test lab":
    the hand-off joins the earlier ownerless task it names (or, in the same sentence, the one just named,
    "…its own cache cluster; Tomasz Nowak owns the migration") with its owner and date; True when joined."""
    from coach.domain.parsing.owners import person_name
    from coach.notes.actions import find_who, mentions_date

    item = items[i]
    m = _OWNS_NAMED.match(item.text.strip())
    if m is None or not (name := person_name(m["name"] or m["name_zh"] or "")):
        return False
    what = m["what"] or m["what_zh"] or ""
    earlier = [
        j
        for j in range(i - 1, max(-1, i - 1 - _LOOK_BACK), -1)
        if kinds[j] == action and not (items[j].owner or find_who(items[j].text, items[j].speaker))
    ]

    def shared(j: int) -> int:
        return len((_content_words(what) & _content_words(items[j].text)) - _STOP_STEMS - _TASK_NOUNS)

    named = sorted((j for j in earlier if shared(j)), key=shared, reverse=True)
    # with no word in common, only the task just named in the same sentence ("…cluster; Tomasz owns …")
    same_sentence = [
        j
        for j in earlier[:1]
        if j == i - 1 and items[j].line == item.line and items[j].text.rstrip().endswith((";", "；"))
    ]
    chosen = named or same_sentence
    if not chosen:
        return False
    task = items[chosen[0]]
    if mentions_date(item.text) and not mentions_date(task.text):
        task.due = item.text
    # the hand-off names the task in words of its own ("the pool separation"): both tellings stay in it
    task.text = f"{task.text.rstrip(' .;；。')}; {item.text.strip()}"
    task.evidence = f"{task.evidence} {item.evidence}"
    task.owner = name
    return True


def link_followups(items: list[Item], kinds: list[K], other: K, action: K) -> list[K]:
    """Kinds after joining follow-ups to the task they complete (owners and dates go on its item)."""
    from coach.notes.actions import find_who, mentions_date, names_time

    kinds = list(kinds)
    for i, item in enumerate(items):
        if _assign_addressed(items, kinds, i, other, action):
            continue
        if kinds[i] == action and _hands_named_task(items, kinds, i, action):
            kinds[i] = other
            continue
        follow_up = kinds[i] in (action, other) and prose.takes_over_previous(item.text)
        if follow_up and _give_to_earlier(items, kinds, i, action):
            kinds[i] = other
            continue
        if kinds[i] == action and item.speaker and _only_a_deadline(item.text):
            # "I'll test two other brands side by side. Give me two weeks.": the day of the task just named
            earlier = _earlier_actions(kinds, i, 1)
            task = items[earlier[0]] if earlier else None
            if (
                task is not None
                and task.speaker == item.speaker
                and not names_time(task.text)
                and not task.due
            ):
                task.due = item.text
                kinds[i] = other
                continue
        if kinds[i] == action and prose.is_confirmation(item.text):
            # "Sure." or "By March 6, yes." is no task; a date in it dates the task just named
            earlier = _earlier_actions(kinds, i, 1)
            if earlier and mentions_date(item.text) and not mentions_date(items[earlier[0]].text):
                items[earlier[0]].due = items[earlier[0]].due or item.text
            kinds[i] = other
            continue
        if kinds[i] == action and (item.owner or find_who(item.text, item.speaker)):
            _drop_unowned_mentions(items, kinds, i, other, action)
    return kinds
