"""Split a note's text into items: headings, bullets, numbered lists, speakers, sentences, tables."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from coach.notes.headings import META, is_heading, numbered_item
from coach.notes.sections import (
    Section,
    announced_topic,
    contrasted,
    heading_section,
    inline_label,
    spoken_topic,
)
from coach.notes.vocabulary import alternation, any_of, grouped
from coach.notes.wordlists import chain_part, phrases, table_column


@dataclass
class Item:
    """One statement of a note; `evidence` is the note's own words (with speaker and time)."""

    text: str
    evidence: str
    section: Section | None = None
    speaker: str | None = None
    bullet: bool = False
    spoken: bool = False  # the section came from a spoken topic cue, not a heading
    # …announced inside this prose paragraph ("What went wrong. …"), not in a speaker's turn
    paragraph: bool = False
    fields: dict[str, str] = field(default_factory=dict)
    label: Section | None = None  # an inline label the line starts with ("不足：", "Action:"), stripped
    topic: str | None = (
        None  # the sentence before, in the same line: what a bare "Target is 5 minutes" is about
    )
    heading: str | None = None  # the heading the item sits under ("Stop", "组织层面"), as written
    para: int = 0  # which paragraph (blank-line separated block) the item stands in
    line: int = 0  # which line of the note the item stands in: one speaker's turn, one bullet
    parent_line: int | None = None  # the line of the bullet this one is indented under ("  - detail")
    part: str | None = None  # its labelled place in a drill-down ("现象：", "根因：", "数据：" → evidence)
    asked: str | None = None  # the why-question it answers, asked just before ("And why did nobody …?")
    continues: bool = False  # an English clause after ";" that goes on with the clause before
    owner: str | None = None  # who took the task in a later turn ("Luis, …by March 6?" — "Yes.")
    due: str | None = None  # the deadline a later sentence gave ("I'll own that, end of October.")


@dataclass
class Segmented:
    """A note cut into items, with its title, participants and meta lines."""

    title: str | None
    items: list[Item]
    participants: list[str]
    meta: list[str]
    front: dict[str, str] = field(default_factory=dict)  # YAML front matter (title, date, team, …)


_STAMP = re.compile(r"^\[(\d{2}:\d{2}:\d{2})\]\s*")
_BULLET = re.compile(
    r"^(?:[-*•·●○▪►✓✔]\s*|\d{1,2}[.、．)）]\s*|[（(]\d{1,2}[)）]\s*|[①②③④⑤⑥⑦⑧⑨⑩]\s*|"
    r"(?:第[一二三四五六七八九十]|[一二三四五六七八九十])[、，,.．]\s*)"
)
# "参会：…", "Attendees: …" (per-language data, `participant_line`)
_PARTICIPANT_LINE = re.compile(alternation("participant_line"), re.I)
_SPEAKER = re.compile(
    r"^@?([\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z .]{0,15}?)\s*(?:[（(][^）)]{0,12}[)）])?\s*[:：]\s*"
)
_NAME_SHAPE = re.compile(r"^(?:[老小阿大][\u4e00-\u9fff]|[\u4e00-\u9fff]{1,3}(?:总|主任|经理|老师|工))$")
# "TL;DR:" is a lead, not two sentences
_SENTENCE_END = re.compile(r"(?<=[。！？!?；])|(?<=;)(?<![Tt][Ll];)|(?<=[.])\s+(?=[A-Z\"“])")


@cache
def _inline_list() -> re.Pattern[str]:
    """ "（1）A；（2）B；（3）C", "第一，A。第二，B。", "first, A; second, B" on one list line: the numbers
    that go on after a ";" or a full stop start the next places (the ordinals are per-language data)."""
    place = rf"[（(]\d{{1,2}}[)）]|[②③④⑤⑥⑦⑧⑨⑩]|{_next_place().pattern}"
    return re.compile(rf"(?:(?<=[；;。])\s*|(?<=\.)\s+)(?={place})", re.I)


@cache
def _next_place() -> re.Pattern[str]:
    """ "第二，", "second, ": an ordinal that opens the next place of a list."""
    return re.compile(rf"(?:{phrases('list_next_place').pattern})\s*[、，,.．]\s*", re.I)


_DIGRESSION_WRAPPED = re.compile(r"^[（(].*[)）]$")
_TABLE_SEP = re.compile(r"^\|?\s*:?-{2,}")


def participant_names(meta_lines: list[str]) -> list[str]:
    """Names on the 参会/attendees lines (roles in front or brackets behind are dropped)."""
    names: list[str] = []
    for line in meta_lines:
        if not _PARTICIPANT_LINE.search(line):
            continue
        body = re.sub(r"[（(][^）)]*[)）]", "", line)
        for part in re.split(r"[:：,，、;；/|｜\s]+", body):
            part = part.strip("@ ")
            if part and not _PARTICIPANT_LINE.search(part):
                names.append(part)
    return names


def _speaker(line: str, known: str, transcript: bool) -> tuple[str | None, str]:
    """(speaker, rest) when the line starts with a name and a colon; labels like '回款：' are not names."""
    m = _SPEAKER.match(line)
    if not m:
        return None, line
    name = m.group(1).strip()
    plain = name.lstrip("@")
    is_name = (
        transcript
        or line.startswith("@")
        or _NAME_SHAPE.match(plain) is not None
        # "Uptime:" or "回款:" is a label unless the attendee lines name it
        or (len(plain) >= 2 and re.search(rf"(?<![A-Za-z]){re.escape(plain)}(?![a-z])", known) is not None)
    )
    if not is_name or heading_section(plain) != "other":
        return None, line
    return plain, line[m.end() :]


# "一方面是…；另一方面…", "on the one hand …; on the other …": the second side ends the same sentence
_OTHER_SIDE = re.compile(r"^(?:另一方面|(?i:on the other hand|on the other)\b)")


def _sentences(text: str) -> list[str]:
    sentences: list[str] = []
    for part in (s.strip() for s in _SENTENCE_END.split(text) if s and s.strip(" ，,")):
        if sentences and sentences[-1].endswith((";", "；")) and _OTHER_SIDE.match(part):
            sentences[-1] = f"{sentences[-1]}{'' if part[0] > '~' else ' '}{part}"
        else:
            sentences.append(part)
    return sentences


# the headers of a KPI table's columns are per-language data (`kpi_column`); a result column is sought
# among the "actual" ones first
_KPI_COLUMN = grouped("kpi_column")
_TARGET_COLUMN = re.compile(any_of(_KPI_COLUMN["target"]), re.I)
_RESULT_COLUMNS = (
    re.compile(any_of(_KPI_COLUMN["actual"]), re.I),
    re.compile(any_of(_KPI_COLUMN["result"]), re.I),
)
_NOT_A_VALUE_COLUMN = re.compile(any_of(_KPI_COLUMN["not_a_value"]) + "|%", re.I)


def _kpi_columns(header: list[str]) -> tuple[int, int, int] | None:
    """(name, target, result) columns of a KPI table ("| 指标 | 目标 | 实际 |"), or None for other tables."""
    usable = [i for i, h in enumerate(header) if not _NOT_A_VALUE_COLUMN.search(h)]
    target = next((i for i in usable if _TARGET_COLUMN.search(header[i])), None)
    result = next(
        (i for pattern in _RESULT_COLUMNS for i in usable if i != target and pattern.search(header[i])), None
    )
    if target is None or result is None:
        return None
    name = next((i for i in range(len(header)) if i not in (target, result)), None)
    return None if name is None else (name, target, result)


def _table_rows(lines: list[str]) -> list[Item]:
    """Rows of a Markdown table as items; the header names the columns (事项/负责人/时间).

    A KPI table's row is read as the sentence it stands for: "| 回款 | 1.2亿 | 9600万 |" under
    "| 指标 | 目标 | 实际 |" is "回款：目标 1.2亿，实际 9600万".
    """
    header = [c.strip() for c in lines[0].strip("|").split("|")]
    kpi = _kpi_columns(header)
    items = []
    for row in lines[1:]:
        if _TABLE_SEP.match(row):
            continue
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        fields = dict(zip(header, cells, strict=False))
        text = "，".join(c for c in cells if c)
        if kpi is not None and len(cells) > max(kpi) and all(cells[i] for i in kpi):
            name, target, result = (cells[i] for i in kpi)
            text = f"{name}：目标 {target}，实际 {result}"
        cause = next((v for k, v in fields.items() if table_column(k) == "cause" and v), None)
        if cause is not None:
            # "| 发货延迟 | 拣货慢 | 上线波次拣货 | 老黄 |": the cause column is a cause of the problem
            # column; the rest of the row is what its columns say (a to-do when it has an owner)
            problem = next((v for k, v in fields.items() if table_column(k) == "problem" and v), "")
            told = (
                f"{problem}，原因是{cause}"
                if re.search(r"[\u4e00-\u9fff]", cause)
                else f"{problem} because {cause}"
            )
            items.append(Item(text=told.lstrip("，, "), evidence=row.strip(), bullet=True, label="cause"))
            rest = {k: v for k, v in fields.items() if table_column(k) != "cause"}
            fields, text = rest, "，".join(v for v in rest.values() if v)
        items.append(Item(text=text, evidence=row.strip(), bullet=True, fields=fields))
    return items


_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?P<body>.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_FRONT_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*?)\s*$")


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """(fields, the rest) of a note opening with YAML front matter (`---` … `---`): metadata, not content."""
    m = _FRONT_MATTER.match(text)
    if m is None:
        return {}, text
    fields = {}
    for line in m.group("body").splitlines():
        fm = _FRONT_FIELD.match(line.strip())
        if fm and fm.group("value"):
            fields[fm.group("key").lower()] = fm.group("value").strip("'\"")
    return fields, text[m.end() :]


_LINE_SPEAKER = re.compile(r"^@?([\u4e00-\u9fff]{2,3}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s*[:：]\s*\S")


def repeated_speakers(lines: list[str]) -> list[str]:
    """The speakers of a plain-text transcript: names that open two lines or more with "Name:", and people
    who speak once among them."""
    counts: dict[str, int] = {}
    for line in lines:
        m = _LINE_SPEAKER.match(_STAMP.sub("", line))
        if m and heading_section(m.group(1)) == "other" and not META.match(line):
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    from coach.domain.parsing.owners import person_name

    repeated = [name for name, n in counts.items() if n >= 2]
    # in a transcript, a person who speaks once is a speaker too; a label ("破损率:") is not a person
    return repeated + [name for name, n in counts.items() if n == 1 and repeated and person_name(name)]


# "**三、不足。**高峰时段接不通…" or "二、做得好的。复购率的提升…": a heading run into its paragraph
_BOLD_LEAD = re.compile(r"^\*\*(?P<head>[^*]{1,30}?)\*\*\s*(?P<rest>\S.*)$")
_NUMBERED_LEAD = re.compile(
    r"^(?:第?[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．])\s*(?P<head>[^。.：:，,\d]{2,12})[。.](?P<rest>.{12,})$"
)


def _run_in_heading(body: str, section: Section | None) -> tuple[str, str] | None:
    """(heading, paragraph) when a line starts with a heading of the method's parts run into its text."""
    m = _BOLD_LEAD.match(body) or _NUMBERED_LEAD.match(body)
    if m is None:
        return None
    head = m.group("head").strip(" 。.：:")
    # "1. 修复登录问题。然后上线" is a list item; "一、基本情况。…。…。" opening a 纪要 heads its paragraph
    opens_minutes = (
        section in (None, "other")
        and re.match(r"^\**第?[一二三四五六七八九十]+[、.．]", body) is not None
        and len(re.findall(r"[。！？!?]", m.group("rest"))) >= 2
    )
    if heading_section(head) == "other" and announced_topic(head) is None and not opens_minutes:
        return None
    return head, m.group("rest").strip()


def _only_announces(piece: str) -> bool:
    """ "好，先说亮点。", "Lessons:": a sentence that names a topic and says nothing else."""
    return len(re.findall(r"[\u4e00-\u9fff]", piece)) <= 8 and len(re.findall(r"[A-Za-z]+", piece)) <= 3


def _is_small_talk(line: str) -> bool:
    from coach.notes import cues

    return bool(cues.SMALL_TALK.search(line) or cues.QUESTION.search(line))


_WRAPPED_SPEAKER = re.compile(r"^(?:\*\*|【|\[)(?P<name>[^*】\]\s]{1,15})(?:\*\*|】|\])\s*[:：]?\s*(?=\S)")


def _unwrapped_speaker(line: str, known: str) -> str:
    """ "**王磊**：…", "【王磊】…", "[Dana] …": a name the attendee lines know, set off as the speaker.
    "【继续】…" or "**亮点**：" name no attendee and stay as they are."""
    m = _WRAPPED_SPEAKER.match(line)
    if m is None:
        return line
    name = m.group("name")
    if re.search(rf"(?<![A-Za-z\u4e00-\u9fff]){re.escape(name)}(?![A-Za-z\u4e00-\u9fff])", known) is None:
        return line
    return f"{name}：{line[m.end() :]}"


_TURN_END = re.compile(r"[。！？!?.…]['\"”’)）]*$")


def _join_cues(lines: list[str], indents: list[int], known: str) -> tuple[list[str], list[int]]:
    """Caption cues without a speaker go on with the turn before: "[00:10] Sam: The delay was mostly
    because the SDK upgrade" / "[00:15] took three times longer." is one sentence of Sam's, and a cue that
    starts a new sentence unnamed is still Sam's."""
    out: list[str] = []
    out_indents: list[int] = []
    speaker: str | None = None
    last = -1  # the index in `out` of the last cue
    for line, indent in zip(lines, indents, strict=True):
        stamp = _STAMP.match(line)
        if stamp is None:
            if line:
                speaker, last = None, -1
            out.append(line)
            out_indents.append(indent)
            continue
        body = line[stamp.end() :]
        named, _ = _speaker(body, known, transcript=True)
        if named is not None:
            speaker, last = named, len(out)
        elif speaker is not None and last >= 0:
            if not _TURN_END.search(out[last]):
                out[last] = f"{out[last]} {body.strip()}"  # the sentence runs on into this cue
                continue
            line = f"{stamp.group(0)}{speaker}: {body}"
            last = len(out)
        out.append(line)
        out_indents.append(indent)
    return out, out_indents


def segment(text: str) -> Segmented:
    """Cut a note into items; each item carries the section it sits in (heading or spoken topic).

    A topic announced inside a prose paragraph ("What went wrong.", "不足方面，…") holds until the
    paragraph ends; a heading holds until the next heading.
    """
    front, text = front_matter(text)
    # blockquote markers carry no meaning in meeting notes
    raw_lines = [re.sub(r"^(?:>\s*)+", "", line.strip()) for line in text.splitlines()]
    indents = [len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip()) for line in text.splitlines()]
    bullets: list[tuple[int, int]] = []  # (indent, line) of the open bullets, outermost first
    meta = [line for line in raw_lines if META.match(_STAMP.sub("", line))]
    participants = participant_names(meta)
    known = " ".join([*meta, *repeated_speakers(raw_lines)])
    raw_lines, indents = _join_cues(raw_lines, indents, known)
    raw_lines = [_unwrapped_speaker(line, known) for line in raw_lines]
    title: str | None = front.get("title")
    section: Section | None = None
    heading_section_: Section | None = None  # what the last heading opened, restored after a paragraph
    paragraph_topic = False
    heading_text: str | None = None
    spoken = False
    items: list[Item] = []
    asked: str | None = None  # a question that only announced the causes, for the statement that answers it
    para = 0
    i = 0
    while i < len(raw_lines):
        line = raw_lines[i]
        i += 1
        if not line:
            para += 1
        if not line and paragraph_topic:
            section, spoken, paragraph_topic = heading_section_, False, False
        if not line or re.fullmatch(r"[-=_*]{3,}", line):
            continue
        if line.startswith("|"):
            block = [line]
            while i < len(raw_lines) and raw_lines[i].startswith("|"):
                block.append(raw_lines[i])
                i += 1
            for item in _table_rows(block):
                item.section = section
                item.heading = heading_text
                items.append(item)
            continue
        stamp_m = _STAMP.match(line)
        stamp = stamp_m.group(1) if stamp_m else None
        body = line[stamp_m.end() :] if stamp_m else line
        if META.match(body):
            continue
        run_in = None if stamp else _run_in_heading(body, section)
        if run_in is not None:
            raw_lines.insert(i, run_in[1])
            indents.insert(i, indents[i - 1])
            body = "# " + run_in[0]
        speaker, _ = _speaker(_BULLET.sub("", body), known, transcript=stamp is not None)
        heading = None if stamp or speaker else is_heading(body)
        if heading is not None and numbered_item(body, heading, section):
            heading = None
        if heading is not None:
            bullets.clear()
            found = heading_section(heading)
            if found == "other":
                found = (announced_topic(heading) or ("other", ""))[0]
            if title is None and found == "other" and not items:
                title = heading
            section = found if (found != "other" or title != heading) else section
            heading_section_, paragraph_topic = section, False
            heading_text = heading
            spoken = False
            continue
        first_line = title is None and not items and not _BULLET.match(body) and speaker is None
        if first_line and not _is_small_talk(body):
            title = body
            continue
        bullet_m = _BULLET.match(body)
        bullet = bullet_m is not None
        parent_line = None
        if bullet_m:
            body = body[bullet_m.end() :]
            while bullets and bullets[-1][0] >= indents[i - 1]:
                bullets.pop()
            parent_line = bullets[-1][1] if bullets else None
            bullets.append((indents[i - 1], i))
        elif bullets and indents[i - 1] > bullets[-1][0]:
            parent_line = bullets[-1][1]  # "1. 解决率低" / "   原因：…": an indented line under a list item
        else:
            bullets.clear()
        speaker, body = _speaker(body, known, transcript=stamp is not None)
        prefix = (f"[{stamp}] " if stamp else "") + (f"{speaker}: " if speaker else "")
        if _DIGRESSION_WRAPPED.match(body):
            items.append(
                Item(
                    text=body, evidence=prefix + body, section="other", speaker=speaker, heading=heading_text
                )
            )
            continue
        label, unlabelled = inline_label(body)
        part_of_chain = chain_part(body)
        part = None
        if part_of_chain is not None and label in (None, "cause"):
            part, unlabelled = part_of_chain
            # a datum is evidence only where causes are told; elsewhere "数据：…" is what it says
            label = "cause" if part != "evidence" or section == "cause" else label
            part = part if label == "cause" else None
            unlabelled = unlabelled if label == "cause" else body
        label_words, body = body[: len(body) - len(unlabelled)], unlabelled
        pieces = _inline_list().split(body) if bullet else _sentences(body)
        previous: str | None = None
        for piece in pieces:
            topic = spoken_topic(piece) if label is None else None
            announced = None
            if label is None and not bullet:
                announced = contrasted(piece, section) or announced_topic(piece)
            prose = speaker is None and stamp is None
            if announced is not None and (prose or section in (None, "other", "goal") or spoken):
                if prose and not announced[1] and len(pieces) == 1 and not re.search(r"[.。!?？！]$", body):
                    # "What we will change" alone on its line is a heading: it holds past the paragraph
                    section = heading_section_ = announced[0]
                    spoken = paragraph_topic = False
                    heading_text = body
                    continue
                section, spoken, paragraph_topic = announced[0], True, prose
                if not announced[1] and re.search(r"[?？]\s*$", piece):
                    asked = piece  # "And why did nobody read the changelog?": the next statement answers it
                piece = announced[1]
                if not piece:
                    continue
            elif topic is not None and (section is None or spoken or section == "other"):
                section, spoken = topic, True
                if _only_announces(piece):
                    continue
            sub = _BULLET.sub("", piece) if not bullet or previous is not None else piece
            ordinal = _next_place().match(sub) if bullet and previous is not None else None
            sub = sub[ordinal.end() :] if ordinal else sub
            asked, question = None, asked
            items.append(
                Item(
                    asked=question,
                    text=sub,
                    evidence=prefix + (label_words if previous is None else "") + piece,
                    section=section,
                    speaker=speaker,
                    bullet=bullet,
                    spoken=spoken,
                    paragraph=paragraph_topic,
                    label=label,
                    topic=previous,
                    heading=heading_text,
                    para=para,
                    line=i,
                    parent_line=parent_line,
                    part=part if previous is None else None,  # the label stands before the first sentence
                    # the next place of a list written on one line goes on with nothing
                    continues=bool(
                        previous and previous.endswith(";") and re.match(r"[a-z]", sub) and not bullet
                    ),
                )
            )
            previous = sub
    return Segmented(title=title, items=items, participants=participants, meta=meta, front=front)
