"""Web origins as browsers send them in the Origin header."""

from __future__ import annotations

from urllib.parse import urlsplit


class InvalidOrigin(ValueError):
    pass


def normalize_origin(value: str) -> str:
    """`https://Intranet.Example.com/` → `https://intranet.example.com`; a path or query is an error."""
    raw = value.strip()
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidOrigin(f"not an origin (scheme://host[:port]): {value!r}")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise InvalidOrigin(f"an origin has no path, query or user: {value!r}")
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    default_port = {"http": 80, "https": 443}[parts.scheme]
    port = f":{parts.port}" if parts.port and parts.port != default_port else ""
    return f"{parts.scheme}://{host}{port}"


def origin_matches(origin: str | None, allowed: list[str] | tuple[str, ...]) -> bool:
    """Exact match after normalizing; a missing or malformed Origin never matches."""
    if not origin:
        return False
    try:
        return normalize_origin(origin) in allowed
    except InvalidOrigin:
        return False
