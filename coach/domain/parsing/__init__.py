"""Pure parsing of what people type, Chinese first and English equal: quantities, verdicts, dates, owners."""

from coach.domain.parsing.dates import ANY_DAY, DateMention, find_dates, find_deadline, has_date, resolve_date
from coach.domain.parsing.goals import (
    assess,
    build_goal,
    find_tolerance,
    lower_is_better,
    tolerance_band,
)
from coach.domain.parsing.numbers import Quantity, parse_quantities, parse_quantity
from coach.domain.parsing.owners import find_owner, labelled_words

__all__ = [
    "ANY_DAY",
    "DateMention",
    "Quantity",
    "assess",
    "build_goal",
    "find_dates",
    "find_deadline",
    "find_owner",
    "find_tolerance",
    "has_date",
    "labelled_words",
    "lower_is_better",
    "parse_quantities",
    "parse_quantity",
    "resolve_date",
    "tolerance_band",
]
