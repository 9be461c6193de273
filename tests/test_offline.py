"""The one offline set-up: idempotent, and token counting seeds tiktoken itself if an entry point forgot."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach import offline
from coach.settings import Settings


def test_counting_tokens_in_a_fresh_process_seeds_the_cache_instead_of_downloading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TIKTOKEN_CACHE_DIR", raising=False)
    monkeypatch.setattr(offline, "_prepared", set())
    monkeypatch.setenv("COACH_HOME", str(tmp_path / "home"))
    from coach.settings import get_settings

    get_settings.cache_clear()
    try:
        assert offline.count_tokens("复盘 retrospective") > 0  # the test guard refuses any download
    finally:
        get_settings.cache_clear()
    cache = tmp_path / "home" / "tiktoken" / offline.tiktoken_cache_name("cl100k_base")
    assert cache.is_file() and cache.stat().st_size > 0


def test_ensure_offline_runs_once_per_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(offline, "_prepared", set())
    monkeypatch.delenv("TIKTOKEN_CACHE_DIR", raising=False)
    seeded: list[Path] = []
    real = offline.seed_tiktoken_cache

    def counting(cache_dir: Path) -> Path:
        seeded.append(cache_dir)
        return real(cache_dir)

    monkeypatch.setattr(offline, "seed_tiktoken_cache", counting)
    settings = Settings(home=tmp_path / "home")
    offline.ensure_offline(settings)
    offline.ensure_offline(settings)
    assert seeded == [(tmp_path / "home").resolve() / "tiktoken"]
