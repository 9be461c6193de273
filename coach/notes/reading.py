"""Read a note's bytes into text: txt/md/docx/vtt/srt, UTF-8 (BOM) or GBK/GB18030, never mangled."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
TRANSCRIPT_SUFFIXES = (".vtt", ".srt")
SUFFIXES = (*TEXT_SUFFIXES, *TRANSCRIPT_SUFFIXES, ".docx")


class NoteReadError(ValueError):
    """A note that cannot be read; `zh`/`en` say why in the user's words."""

    def __init__(self, code: str, zh: str, en: str) -> None:
        super().__init__(en)
        self.code, self.zh, self.en = code, zh, en


@dataclass(frozen=True)
class NoteText:
    """The readable text of a note, with the encoding it came in."""

    text: str
    encoding: str


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return control > len(head) * 0.05


def decode(data: bytes) -> NoteText:
    """UTF-8 (with or without BOM) first, then GB18030 (a superset of GBK), then charset-normalizer."""
    if data.startswith(b"\xef\xbb\xbf"):
        return NoteText(data[3:].decode("utf-8", errors="replace"), "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return NoteText(data.decode("utf-16"), "utf-16")
    if _looks_binary(data):
        raise NoteReadError(
            "binary", "这是二进制文件，不是文本笔记", "This is a binary file, not a text note"
        )
    # Strict UTF-8 rarely succeeds on GBK bytes, so the order is safe; GB18030 decodes every GBK file.
    for encoding in ("utf-8", "gb18030"):
        try:
            return NoteText(data.decode(encoding), encoding)
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise NoteReadError("encoding", "无法识别文件编码", "Could not detect the file's encoding")
    return NoteText(str(best), best.encoding)


def read_docx(data: bytes) -> str:
    """Paragraphs and table rows of a .docx, headings kept as Markdown headings."""
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several unrelated types on bad zips
        raise NoteReadError(
            "docx", "无法读取该 docx 文件（可能已损坏）", "Could not read this .docx file (it may be corrupt)"
        ) from exc
    lines: list[str] = []
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        if text and style.lower().startswith("heading"):
            text = "## " + text
        elif text and style.lower().startswith("list"):
            text = "- " + text
        lines.append(text)
    for table in document.tables:
        for row in table.rows:
            lines.append("| " + " | ".join(cell.text.strip() for cell in row.cells) + " |")
    return "\n".join(lines)


_CUE_TIME = re.compile(r"^(\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}\s*-->\s*")
_VTT_VOICE = re.compile(r"<v(?:\.[^ >]+)?\s+([^>]+)>")
_TAG = re.compile(r"</?[^>]+>")


def read_transcript(text: str) -> str:
    """One line per cue, `[hh:mm:ss] speaker: words`, so speaker and time stay in the evidence."""
    lines: list[str] = []
    stamp = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.isdigit():
            continue
        if line.startswith("WEBVTT"):
            rest = line[len("WEBVTT") :].strip(" -\t")
            if rest:
                lines.append(rest)
            continue
        if line.startswith("NOTE"):
            lines.append(line[4:].strip())
            continue
        if _CUE_TIME.match(line):
            stamp = line.split("-->")[0].strip().replace(",", ".").split(".")[0]
            if stamp.count(":") == 1:
                stamp = "00:" + stamp
            continue
        voice = _VTT_VOICE.search(line)
        words = _TAG.sub("", line).strip()
        if voice:
            words = f"{voice.group(1).strip()}: {words}"
        lines.append(f"[{stamp}] {words}" if stamp else words)
    return "\n".join(lines)


def read_note(name: str, data: bytes) -> NoteText:
    """The text of a note named `name` (its suffix picks the reader)."""
    if not data or not data.strip():
        raise NoteReadError("empty", "文件是空的", "The file is empty")
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ".txt"
    if suffix == ".docx":
        note = NoteText(read_docx(data), "docx")
    else:
        note = decode(data)
        if suffix in TRANSCRIPT_SUFFIXES or note.text.lstrip().startswith("WEBVTT"):
            note = NoteText(read_transcript(note.text), note.encoding)
    if not note.text.strip():
        raise NoteReadError("empty", "文件里没有文字", "The file has no text")
    return note
