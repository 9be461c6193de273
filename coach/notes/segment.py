"""Split a note's text into items: headings, bullets, numbered lists, speakers, sentences, tables."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from coach.notes.sections import Section, heading_section, inline_label, spoken_topic


@dataclass
class Item:
    """One statement of a note; `evidence` is the note's own words (with speaker and time)."""

    text: str
    evidence: str
    section: Section | None = None
    speaker: str | None = None
    bullet: bool = False
    spoken: bool = False  # the section came from a spoken topic cue, not a heading
    fields: dict[str, str] = field(default_factory=dict)
    label: Section | None = None  # an inline label the line starts with ("不足：", "Action:"), stripped
    topic: str | None = (
        None  # the sentence before, in the same line: what a bare "Target is 5 minutes" is about
    )
    heading: str | None = None  # the heading the item sits under ("Stop", "组织层面"), as written


@dataclass
class Segmented:
    """A note cut into items, with its title, participants and meta lines."""

    title: str | None
    items: list[Item]
    participants: list[str]
    meta: list[str]


_STAMP = re.compile(r"^\[(\d{2}:\d{2}:\d{2})\]\s*")
_BULLET = re.compile(
    r"^(?:[-*•·●○▪►✓✔]\s*|\d{1,2}[.、．)）]\s*|[（(]\d{1,2}[)）]\s*|[①②③④⑤⑥⑦⑧⑨⑩]\s*|"
    r"(?:第[一二三四五六七八九十]|[一二三四五六七八九十])[、，,.．]\s*)"
)
_META = re.compile(
    r"^\s*(?:.{0,30}[｜|]\s*)?(?:参会|参加|参与|与会|"
    r"在场|到场|到会|出席|主持|记录|时间|地点|日期|复盘日期|主题|会议|"
    r"attendees|participants|present|facilitator|note-?taker|"
    r"notes|scribe|(?:retro |meeting )?date|time|location|host)"
    r"(?:人员|人|者)?\s*[:：]",
    re.I,
)
_PARTICIPANT_LINE = re.compile(
    r"参会|参与|与会|在场|到场|出席|主持|记录|attendees|participants|present|facilitat", re.I
)
_SPEAKER = re.compile(
    r"^@?([\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z .]{0,15}?)\s*(?:[（(][^）)]{0,12}[)）])?\s*[:：]\s*"
)
_NAME_SHAPE = re.compile(r"^(?:[老小阿大][\u4e00-\u9fff]|[\u4e00-\u9fff]{1,3}(?:总|主任|经理|老师|工))$")
_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])|(?<=[.])\s+(?=[A-Z\"“])")
_DIGRESSION_WRAPPED = re.compile(r"^[（(].*[)）]$")
_TABLE_SEP = re.compile(r"^\|?\s*:?-{2,}")


def _is_heading(line: str) -> str | None:
    """The heading text when `line` is a heading (Markdown, bold, short label line), else None."""
    if line.startswith("#"):
        return line.lstrip("#").strip()
    ruled = re.fullmatch(r"[-=~]{2,}\s*([^-=~].*?)\s*[-=~]{2,}", line)  # "-- targets vs actuals --"
    if ruled:
        return ruled.group(1)
    bold = re.fullmatch(r"\*\*(.+?)\*\*[:：]?", line)
    if bold:
        return bold.group(1)
    if re.fullmatch(r"[^，。,.!?！？]{1,24}[:：]", line) and not _META.match(line):
        return line[:-1]
    if re.fullmatch(r"(?:第?[一二三四五六七八九十]+[、.．]|\d+[、.．])\s*[^，。,.]{1,16}", line):
        return line
    if len(line) <= 12 and heading_section(line) != "other" and not re.search(r"\d", line):
        return line
    return None


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


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip(" ，,")]


_TARGET_COLUMN = re.compile(r"目标|计划|预期|预计|预算|基准|(?i:target|goal|plan|budget|expected|quota)")
_RESULT_COLUMNS = (
    re.compile(r"实际|实测|(?i:actual)"),
    re.compile(r"完成|结果|达成|做到|(?i:result|achieved|delivered|outcome)"),
)
_NOT_A_VALUE_COLUMN = re.compile(r"率|时间|日期|负责|差|(?i:rate|date|time|owner|gap|delta|%)")


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
        items.append(Item(text=text, evidence=row.strip(), bullet=True, fields=fields))
    return items


def segment(text: str) -> Segmented:
    """Cut a note into items; each item carries the section it sits in (heading or spoken topic)."""
    # blockquote markers carry no meaning in meeting notes
    raw_lines = [re.sub(r"^(?:>\s*)+", "", line.strip()) for line in text.splitlines()]
    meta = [line for line in raw_lines if _META.match(_STAMP.sub("", line))]
    participants = participant_names(meta)
    known = " ".join(meta)
    title: str | None = None
    section: Section | None = None
    heading_text: str | None = None
    spoken = False
    items: list[Item] = []
    i = 0
    while i < len(raw_lines):
        line = raw_lines[i]
        i += 1
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
        if _META.match(body):
            continue
        heading = None if stamp else _is_heading(body)
        if heading is not None:
            found = heading_section(heading)
            if title is None and found == "other" and not items:
                title = heading
            section = found if (found != "other" or title != heading) else section
            heading_text = heading
            spoken = False
            continue
        if title is None and not items and not _BULLET.match(body):
            title = body
            continue
        bullet_m = _BULLET.match(body)
        bullet = bullet_m is not None
        if bullet_m:
            body = body[bullet_m.end() :]
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
        label_words, body = body[: len(body) - len(unlabelled)], unlabelled
        pieces = [body] if bullet else _sentences(body)
        previous: str | None = None
        for piece in pieces:
            topic = spoken_topic(piece) if label is None else None
            if topic is not None and (section is None or spoken or section == "other"):
                section, spoken = topic, True
            sub = _BULLET.sub("", piece) if not bullet else piece
            items.append(
                Item(
                    text=sub,
                    evidence=prefix + (label_words if previous is None else "") + piece,
                    section=section,
                    speaker=speaker,
                    bullet=bullet,
                    spoken=spoken,
                    label=label,
                    topic=previous,
                    heading=heading_text,
                )
            )
            previous = sub
    return Segmented(title=title, items=items, participants=participants, meta=meta)
