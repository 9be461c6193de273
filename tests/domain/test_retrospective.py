"""The document follows PRODUCT.md's normative shape."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from coach.domain.retrospective import Retrospective, retrospective_json_schema

FULL = {
    "id": "r1",
    "team": "华东销售",
    "title": "Q1 复盘",
    "date": "2026-04-30",
    "language": "zh",
    "goals": [
        {
            "name": "回款",
            "target": "1.2亿",
            "result": "9600万",
            "target_value": 120000000,
            "result_value": 96000000,
            "unit": None,
            "gap_value": -24000000,
            "gap_ratio": -0.2,
            "verdict": "missed",
        }
    ],
    "highlights": [{"text": "老客户复购高", "causes": ["季度回访"]}],
    "shortfalls": [{"text": "新客户少", "causes": ["渠道单一"]}],
    "cause_chains": [
        {
            "phenomenon": "新客少",
            "surface_cause": "线索少",
            "root_cause": "没有渠道负责人",
            "share": 0.7,
            "is_main": True,
        }
    ],
    "reflections": [
        {"person": "李娜", "most_touched": "…", "self_discovery": None, "do_better": None, "next_step": None}
    ],
    "lessons": [{"text": "渠道要有人负责", "dimension": "organization", "action": "start", "evidence": None}],
    "actions": [
        {
            "what": "设渠道负责人",
            "how": "每周一对齐",
            "when": "2026-05-08",
            "when_text": "下周五",
            "who": "李娜",
            "kind": "focus",
        }
    ],
    "summary": "…",
}


def test_a_full_document_round_trips_unchanged() -> None:
    doc = Retrospective.model_validate(FULL)
    dumped = doc.model_dump(mode="json")
    for key, value in FULL.items():
        if isinstance(value, list):
            for got, want in zip(dumped[key], value, strict=True):
                assert {k: got[k] for k in want} == want
        else:
            assert dumped[key] == value


@pytest.mark.parametrize(
    ("path", "bad"),
    [
        (("lessons", 0, "dimension"), "finance"),
        (("lessons", 0, "action"), "keep"),
        (("goals", 0, "verdict"), "ok"),
        (("actions", 0, "kind"), "todo"),
        (("cause_chains", 0, "share"), 1.5),
        (("actions", 0, "when"), "next week"),
        (("language",), "fr"),
    ],
)
def test_values_outside_the_enums_are_refused(path: tuple, bad: object) -> None:
    import copy

    data = copy.deepcopy(FULL)
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = bad
    with pytest.raises(ValidationError):
        Retrospective.model_validate(data)


def test_the_schema_names_every_section() -> None:
    schema = retrospective_json_schema()
    assert set(schema["properties"]) >= {
        "id", "team", "title", "date", "language", "goals", "highlights", "shortfalls",
        "cause_chains", "reflections", "lessons", "actions", "summary",
    }  # fmt: skip
    assert set(schema["$defs"]["Dimension"]["enum"]) == {"organization", "culture", "people", "business"}
    assert set(schema["$defs"]["LessonAction"]["enum"]) == {"continue", "stop", "optimize", "start"}
