"""A success asked about in talk ("中暑这个，怎么做到的？", "The library, how did we manage that?"): the
answers give its reasons and are no highlights of their own; the statement the question names is a highlight,
even when it says "because" in passing."""

from __future__ import annotations

import pytest

from tests.notes.extracting import extract, texts

TALK_ZH = """# 7月复盘

老周：先说好的。
小林：7月那么热，整个营地没有一个孩子中暑，也没有一个因为热被接回家的。
老周：报名人数也上来了，比上个月多了四十个。
老周：中暑这个，怎么做到的？去年可是接回去好几个。
阿强：六月底我们就把每个营房的风扇全检修了一遍。还有每天下午两点所有孩子统一回营房喝一次水。
老周：报名呢？
小林：主要是老营员带新营员，带一个减两百。
老周：好。再说问题。
阿强：食堂的菜总是凉的。
"""

TALK_EN = """WEBVTT

1
00:00:01.000 --> 00:00:04.000
<v Nell>What went well?

2
00:00:05.000 --> 00:00:12.000
<v Omar>The library outreach worked: sign-ups from the library talks doubled in June.

3
00:00:13.000 --> 00:00:17.000
<v Nell>The library, how did we manage that?

4
00:00:18.000 --> 00:00:26.000
<v Omar>We moved the talks to Saturday mornings. And the librarians put our leaflet in every returned book.

5
00:00:27.000 --> 00:00:31.000
<v Nell>What didn't go well?

6
00:00:32.000 --> 00:00:38.000
<v Omar>The newsletter went out late every single month.
"""


@pytest.mark.parametrize(
    ("note", "name", "successes", "reasons"),
    [
        (TALK_ZH, "note.txt", ["中暑", "报名人数"], ["风扇", "喝一次水", "老营员", "去年可是"]),
        (TALK_EN, "note.vtt", ["library outreach"], ["Saturday mornings", "leaflet"]),
    ],
)
def test_the_answers_to_how_a_success_came_about_are_no_highlights(
    note: str, name: str, successes: list[str], reasons: list[str]
) -> None:
    highlights = texts(extract(note, name=name).highlights)
    assert all(success in highlights for success in successes), highlights
    assert not any(reason in highlights for reason in reasons), highlights
