"""A drill-down told across sentences and speakers: what was seen, then "mostly because …" (its surface
cause), then the next speaker's "and that's because …" (one step down), then a weight ("I'd say that's 70% of
…") that is no words of the chain."""

from __future__ import annotations

import pytest

from tests.notes.extracting import extract

EN = (
    "WEBVTT\n\n"
    "00:00:30.000 --> 00:00:40.000\n<v Hannah>And on-time installs? Why did we slip?\n\n"
    "00:00:41.000 --> 00:00:50.000\n<v Omar>Vans leave late in the morning. "
    "Mostly because the parts aren't picked the night before.\n\n"
    "00:00:51.000 --> 00:01:05.000\n<v Priya>And that's because nobody owns the evening pick. "
    "It used to be Dave, and when he left nobody took it over. I'd say that's 70% of the late starts.\n\n"
    "00:01:06.000 --> 00:01:08.000\n<v Hannah>Agreed.\n"
)
ZH = (
    "安装复盘\n参会：汉娜、老吴、小周\n\n"
    "汉娜：准时安装呢？为什么没做到？\n"
    "老吴：货车早上出发晚。主要是因为前一天晚上没把零件备好。\n"
    "小周：那是因为晚上备料没人负责。以前是大刘管，他走了以后没人接。我估计这占了七成的晚出发。\n"
    "汉娜：同意。\n"
)


@pytest.mark.parametrize(
    ("note", "name", "seen", "surface", "root"),
    [
        (EN, "call.vtt", "Vans leave late", "parts aren't picked", "nobody owns the evening pick"),
        (ZH, "call.md", "货车早上出发晚", "没把零件备好", "晚上备料没人负责"),
    ],
)
def test_a_reason_then_the_next_speakers_reason_for_it_is_one_main_chain(
    note: str, name: str, seen: str, surface: str, root: str
) -> None:
    found = extract(note, name=name).cause_chains
    assert len(found) == 1
    chain = found[0]
    assert chain.phenomenon.startswith(seen)
    assert chain.surface_cause is not None and surface in chain.surface_cause
    assert chain.root_cause is not None and chain.root_cause.startswith(root)
    assert chain.share == pytest.approx(0.7) and chain.is_main
