"""API key material: generation (shown once), hashing, and the display prefix."""

from __future__ import annotations

import hashlib
import hmac
import secrets

KEY_MARK = "rc_"
PREFIX_LEN = len(KEY_MARK) + 8  # "rc_" + 8 hex: what `coach keys list` shows and `revoke` accepts


def generate_key() -> str:
    """A new key: `rc_<8 hex>_<43 url-safe chars>` (256 bits of secret)."""
    return f"{KEY_MARK}{secrets.token_hex(4)}_{secrets.token_urlsafe(32)}"


def key_prefix(key: str) -> str:
    """The non-secret head of a key that identifies it in listings and logs."""
    return key[:PREFIX_LEN]


def hash_key(key: str) -> str:
    """sha256 hex: the key carries 256 bits of entropy, so a slow KDF would add latency, not safety."""
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def same_hash(a: str, b: str) -> bool:
    """Constant-time comparison of two key hashes."""
    return hmac.compare_digest(a.encode(), b.encode())


def plausible_key(key: str) -> bool:
    """Cheap shape check so garbage never reaches the database."""
    return key.startswith(KEY_MARK) and 20 <= len(key) <= 200 and key.isascii()
