"""Tasks a speaker takes in a pasted meeting ("俞国梁：变更试点流程我来写，7月15日前。", "Dana: The supplier
audit checklist, I'll rewrite it by June 10."): the speaker owns the task, and the one verb after 我来 is
no part of its name; a later line hands it over ("真空度检测换老甘负责", "the audit goes to Omar Haddad"),
and a familiar name is the one person it stands for (老甘 → 甘永福). zh and en."""

from __future__ import annotations

import pytest

from tests.engines.rules.helpers import TO_ACTIONS_ZH, Coaching
from tests.engines.rules.test_meta_and_edits import TO_ACTIONS_EN

TASKS = {
    "zh": "[10:01] 俞国梁：变更试点流程我来写，7月15日前。\n[10:02] 甘永福：配比卡上墙我负责，6月28日前。\n"
    "[10:03] 俞国梁：好。\n[10:04] 甘永福：今天就到这，散会。",
    "en": "[10:01] Dana: The supplier audit checklist, I'll rewrite it by June 10.\n"
    "[10:02] Omar Haddad: Fine by me.\n[10:03] Dana: Good.\n[10:04] Omar Haddad: That's us, thanks everyone.",
}
HANDED = {
    "zh": "[10:05] 俞国梁：对了，我下周要去省里培训，变更试点流程换老甘负责，时间推到7月20日。\n"
    "[10:06] 甘永福：好。\n[10:07] 俞国梁：散会。",
    "en": "[10:05] Dana: I'm away next week, so the supplier audit checklist goes to Omar Haddad.\n"
    "[10:06] Omar Haddad: Fine.\n[10:07] Dana: Thanks all.",
}
EXPECTED = {
    "zh": (("变更试点流程", "俞国梁"), ("变更试点流程", "甘永福")),
    "en": (("supplier audit checklist", "Dana"), ("supplier audit checklist", "Omar Haddad")),
}


@pytest.mark.parametrize(("lang", "opening"), [("zh", TO_ACTIONS_ZH), ("en", TO_ACTIONS_EN)])
def test_the_speaker_owns_the_task_they_take_and_a_later_line_hands_it_over(
    lang: str, opening: tuple[str, ...]
) -> None:
    coach = Coaching(language=lang)  # type: ignore[arg-type]
    coach.script(*opening)
    (work, who), (_, handed_to) = EXPECTED[lang]
    review = coach.say(TASKS[lang]).review
    mine = [a for a in review.actions if work in f"{a.what} {a.how}"]
    assert [a.who for a in mine] == [who]
    assert "来写" not in f"{mine[0].what} {mine[0].how}"
    review = coach.say(HANDED[lang]).review
    assert [a.who for a in review.actions if work in f"{a.what} {a.how}"] == [handed_to]
