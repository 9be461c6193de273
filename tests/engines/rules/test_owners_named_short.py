"""An owner named short (the given name alone, "老包") is written in full when one person of the chat is
named in full that way: in a list of who was there, in an action, or in a correction; zh and en."""

from __future__ import annotations

from tests.engines.rules.helpers import TO_ACTIONS_ZH, Coaching
from tests.engines.rules.test_meta_and_edits import TO_ACTIONS_EN


def test_a_given_name_alone_is_the_person_named_in_full_earlier_in_the_chat() -> None:
    coach = Coaching(language="en")
    coach.script("Present: Fiona Drummond (chair), Callum Reid, Tamsin Hart.", *TO_ACTIONS_EN)
    review = coach.say("Quad bike spare parts kit - Callum, by May 29.").review
    assert [a.who for a in review.actions] == ["Callum Reid"]


def test_a_given_name_shared_by_two_people_named_in_full_stays_as_said() -> None:
    coach = Coaching(language="en")
    coach.script("Present: Callum Reid, Callum Hart.", *TO_ACTIONS_EN)
    review = coach.say("Quad bike spare parts kit - Callum, by May 29.").review
    assert [a.who for a in review.actions] == ["Callum"]


def test_a_full_name_said_after_the_action_is_written_in_at_the_end() -> None:
    coach = Coaching(language="en")
    coach.script(*TO_ACTIONS_EN, "Post-stoppage inspection - Hannah, by May 29.")
    coach.say("Boat club liaison rota - Hannah Boyce, by June 5.")
    review = coach.say("that's all, wrap up").review
    assert coach.stage == "done"
    assert [a.who for a in review.actions] == ["Hannah Boyce", "Hannah Boyce"]


def test_a_nickname_is_the_owner_of_that_surname_named_in_full() -> None:
    coach = Coaching(language="zh")
    coach.script(*TO_ACTIONS_ZH, "温控探头全部校准，设备员包志强负责，5月10日前")
    review = coach.say("设备点检表重做，老包负责，5月20日前").review
    assert [a.who for a in review.actions] == ["包志强", "包志强"]
