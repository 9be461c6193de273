"""`coach serve` refuses to listen beyond loopback while no API key exists."""

from __future__ import annotations

from coach.security.network import is_loopback_host
from coach.security.registry import KeyRegistry
from coach.settings import Settings
from coach.storage.db import Database


def bind_refusal(host: str, registry: KeyRegistry) -> str | None:
    """Why binding `host` is refused, or None when it is fine."""
    if is_loopback_host(host) or registry.any_keys():
        return None
    return (
        f"拒绝监听 {host}：尚未配置任何 API 密钥，任何能访问该地址的人都能读到所有复盘。"
        "请先运行 `coach keys create --workspace <工作区>` 创建密钥，或改用 --host 127.0.0.1。\n"
        f"Refusing to bind {host}: no API key exists, so anyone who can reach it could read every "
        "retrospective. Create one with `coach keys create --workspace <name>` first, "
        "or bind --host 127.0.0.1."
    )


def ensure_bind_allowed(host: str, settings: Settings) -> None:
    """Exit with the reason when `host` may not be bound (called by `coach serve` before starting)."""
    reason = bind_refusal(host, KeyRegistry(Database(settings)))
    if reason:
        raise SystemExit(reason)
