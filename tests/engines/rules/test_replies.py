"""The reply catalog: one file a language, every key in each with the same placeholders; every key the code
says exists, none is left unused; an unknown key, a language without it or a missing value fails loudly."""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from coach.engines.rules import replies
from coach.engines.rules.replies import (
    MissingValue,
    UnknownReply,
    catalog,
    load_catalog,
    render,
    step_names,
)

COACH = Path(replies.__file__).resolve().parents[2]
SPEAKERS = {"say", "ask", "render"}  # Turn.say / Turn.ask and render take the reply key first


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def _callers_values(template: str, lang: str) -> set[str]:
    """The placeholders the code must fill: the step names are filled by render itself."""
    return _placeholders(template) - set(step_names(lang))  # type: ignore[arg-type]


# ---- the catalog's files


def test_the_catalog_has_a_file_for_each_language() -> None:
    assert set(catalog()) >= {"zh", "en"}
    files = {p.stem for p in (COACH / "engines" / "rules" / replies.MESSAGES).glob("*.toml")}
    assert set(catalog()) == files  # adding a language means adding a file: nothing else lists them


def test_a_new_language_is_a_new_file_and_a_key_it_lacks_fails_loudly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for lang in ("zh", "en"):
        (tmp_path / f"{lang}.toml").write_bytes(
            (COACH / "engines/rules/messages" / f"{lang}.toml").read_bytes()
        )
    (tmp_path / "fr.toml").write_text('greeting = "Bonjour, je suis votre coach."\n', encoding="utf-8")
    (tmp_path / "README.md").write_text("not a language", encoding="utf-8")
    monkeypatch.setattr(replies, "catalog", lambda: load_catalog(tmp_path))
    assert sorted(replies.catalog()) == ["en", "fr", "zh"]
    assert render("greeting", "fr") == "Bonjour, je suis votre coach."  # type: ignore[arg-type]
    with pytest.raises(UnknownReply, match=r"'status'.*'fr'"):
        render("status", "fr", n=1, total=4, stage="…", counts="…")  # type: ignore[arg-type]


def test_a_template_that_is_not_text_is_refused_when_the_catalog_loads(tmp_path: Path) -> None:
    (tmp_path / "zh.toml").write_text('greeting = "你好"\n[status]\nn = 1\n', encoding="utf-8")
    with pytest.raises(ValueError, match="status"):
        load_catalog(tmp_path)


def test_every_language_has_every_key() -> None:
    keys = {lang: set(templates) for lang, templates in catalog().items()}
    every = set().union(*keys.values())
    missing = {lang: sorted(every - have) for lang, have in keys.items() if every - have}
    assert not missing


@pytest.mark.parametrize("key", sorted(catalog()["zh"]))
def test_every_key_has_the_same_placeholders_in_every_language(key: str) -> None:
    filled = {lang: _callers_values(templates[key], lang) for lang, templates in catalog().items()}
    assert all(names == filled["zh"] for names in filled.values()), filled
    for lang, templates in catalog().items():
        assert templates[key].strip(), (lang, key)
        assert "" not in _placeholders(templates[key]), (lang, key)  # "{}" has no name to fill it by


# ---- the keys the code says


def _sources() -> Iterator[tuple[Path, ast.Module]]:
    """Every module of the package that can say a reply: the rules engine and whoever imports render."""
    for path in sorted(COACH.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if "engines/rules" in path.as_posix() or "rules.replies import" in text:
            yield path, ast.parse(text)


def _parameters(function: ast.AST | None) -> set[str]:
    if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
        return set()
    args = function.args
    return {a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)}


def _bound_by_loop(name: str, scope: ast.AST) -> list[ast.expr] | None:
    """The values a loop over a literal binds `name` to: `for key, items in (("a", …), ("b", …))`."""
    for node in ast.walk(scope):
        for loop in [node] if isinstance(node, ast.For | ast.comprehension) else []:
            target, source = loop.target, loop.iter
            if not isinstance(source, ast.Tuple | ast.List):
                continue
            if isinstance(target, ast.Name) and target.id == name:
                return list(source.elts)
            if isinstance(target, ast.Tuple):
                position = next(
                    (i for i, t in enumerate(target.elts) if isinstance(t, ast.Name) and t.id == name), None
                )
                if position is not None:
                    return [e.elts[position] for e in source.elts if isinstance(e, ast.Tuple)]
    return None


def _keys_of(node: ast.expr, function: ast.AST | None, where: str) -> Iterator[str | re.Pattern[str]]:
    """The reply keys an argument can be: literals, both sides of a conditional, an f-string as a pattern."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.IfExp):
        yield from _keys_of(node.body, function, where)
        yield from _keys_of(node.orelse, function, where)
    elif isinstance(node, ast.JoinedStr):
        parts = [re.escape(v.value) if isinstance(v, ast.Constant) else "[a-z0-9_]+" for v in node.values]
        yield re.compile("".join(parts))
    elif isinstance(node, ast.Name) and (bound := _bound_by_loop(node.id, function or node)) is not None:
        for value in bound:
            yield from _keys_of(value, function, where)
    elif isinstance(node, ast.Name) and node.id in _parameters(function):
        return  # passed through (Turn.say's own `key`): its callers are checked
    elif isinstance(node, ast.Attribute) and node.attr == "key":
        return  # the remembered question (`state.asked.key`), stored by Turn.ask from a checked call
    else:
        raise AssertionError(f"{where}: cannot tell which reply key {ast.unparse(node)!r} is")


def _said_keys() -> list[tuple[str, str | re.Pattern[str]]]:
    """(where, key or key pattern) for every reply the code says."""
    found: list[tuple[str, str | re.Pattern[str]]] = []
    for path, tree in _sources():
        functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            callee = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if callee not in SPEAKERS:
                continue
            where = f"{path.relative_to(COACH.parent)}:{node.lineno}"
            inside = [f for f in functions if f.lineno <= node.lineno <= (f.end_lineno or f.lineno)]
            function = inside[-1] if inside else None  # the innermost function around the call
            found += [(where, key) for key in _keys_of(node.args[0], function, where)]
    return found


def test_the_source_scan_finds_the_replies_the_code_says() -> None:
    said = {key for _, key in _said_keys() if isinstance(key, str)}
    assert {"greeting", "status", "review_goals", "filed_highlights", "drill_share"} <= said


def test_every_key_the_code_says_is_in_the_catalog() -> None:
    keys = set(catalog()["zh"])
    unknown = [
        (where, key if isinstance(key, str) else key.pattern)
        for where, key in _said_keys()
        if (key not in keys if isinstance(key, str) else not any(key.fullmatch(k) for k in keys))
    ]
    assert not unknown


def test_no_key_in_the_catalog_is_unused() -> None:
    said = _said_keys()
    literals = {key for _, key in said if isinstance(key, str)}
    patterns = [key for _, key in said if not isinstance(key, str)]
    unused = [k for k in catalog()["zh"] if k not in literals and not any(p.fullmatch(k) for p in patterns)]
    assert not unused


# ---- rendering


def test_render_fills_the_language_asked() -> None:
    assert render("going_back", "zh", stage="回顾评估") == "好，回到「回顾评估」。"
    assert render("going_back", "en", stage="Review") == "OK, back to “Review”."


def test_render_names_the_steps_by_their_labels() -> None:
    assert render("actions_intro", "zh").startswith("第四步，转化应用：")
    assert render("actions_intro", "en").startswith("Step 4, Actions:")


def test_an_unknown_key_fails_loudly_naming_it_and_the_language() -> None:
    with pytest.raises(UnknownReply, match=r"'no_such_reply'.*'zh'"):
        render("no_such_reply", "zh")
    with pytest.raises(KeyError):  # callers that catch KeyError still do
        render("no_such_reply", "en")


def test_a_language_without_the_key_fails_loudly_instead_of_rendering_blank() -> None:
    with pytest.raises(UnknownReply, match=r"'greeting'.*'fr'"):
        render("greeting", "fr")  # type: ignore[arg-type]


def test_a_missing_value_fails_loudly_naming_the_placeholder() -> None:
    with pytest.raises(MissingValue, match=r"'status'.*'en'.*\{counts\}"):
        render("status", "en", n=1, total=4, stage="Review")


# ---- counted words


def test_a_count_picks_the_singular_or_plural_word_in_english() -> None:
    assert render("reflection_done", "en", count=1) == "Reflections recorded for 1 person."
    assert render("reflection_done", "en", count=3) == "Reflections recorded for 3 people."
    assert render("followup_all_skipped", "en", count=1) == "OK, skipping it; it stays open."
    assert render("followup_all_skipped", "en", count=2) == "OK, skipping all 2; they stay open."
    one_each = dict(goals=1, highlights=1, shortfalls=0, chains=1, lessons=2, actions=1)
    assert render("counts", "en", **one_each) == (
        "1 goal · 1 highlight · 0 shortfalls · 1 cause chain · 2 lessons · 1 action"
    )
    assert (
        render("counts", "zh", **one_each)
        == "1 个目标 · 1 个亮点 · 0 个不足 · 1 条因果链 · 2 条经验 · 1 项行动"
    )
