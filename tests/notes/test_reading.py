"""Reading notes: encodings never mangled, transcripts keep speaker and time, bad files say why."""

from __future__ import annotations

import io

import pytest

from coach.notes.reading import NoteReadError, read_note

TEXT = "复盘：回款目标1.2亿，实际9900万。老王负责。"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_chinese_encodings_round_trip(encoding: str) -> None:
    assert read_note("n.txt", TEXT.encode(encoding)).text == TEXT


def test_vtt_keeps_speaker_and_timestamp() -> None:
    vtt = "WEBVTT\n\n00:00:08.300 --> 00:00:20.500\n<v 陈静>首次响应目标2小时，实际3.5小时。\n"
    text = read_note("m.vtt", vtt.encode()).text
    assert "[00:00:08] 陈静: 首次响应目标2小时" in text


def test_srt_keeps_timestamp() -> None:
    srt = "1\n00:01:02,000 --> 00:01:05,000\n李娜：下周五前交方案\n"
    assert read_note("m.srt", srt.encode()).text == "[00:01:02] 李娜：下周五前交方案"


def test_docx_paragraphs_and_headings() -> None:
    import docx

    document = docx.Document()
    document.add_heading("亮点", level=2)
    document.add_paragraph("老客户复购做得不错")
    buffer = io.BytesIO()
    document.save(buffer)
    text = read_note("n.docx", buffer.getvalue()).text
    assert "## 亮点" in text and "老客户复购做得不错" in text


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.md", b"  \n\n", "empty"),
        ("image.txt", bytes(range(256)) * 4, "binary"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "docx"),
    ],
)
def test_bad_files_raise_a_clear_error(name: str, data: bytes, code: str) -> None:
    with pytest.raises(NoteReadError) as caught:
        read_note(name, data)
    assert caught.value.code == code and caught.value.zh and caught.value.en
