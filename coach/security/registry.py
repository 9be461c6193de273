"""API keys in SQL (hashed), with cached look-ups for the request path."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import or_, select

from coach.security.cache import TTLCache
from coach.security.keys import generate_key, hash_key, key_prefix, plausible_key, same_hash
from coach.security.origins import normalize_origin
from coach.security.scopes import Scope
from coach.storage.db import Database
from coach.storage.tables import ApiKey, Workspace, utcnow
from coach.storage.tenancy import in_workspace

WORKSPACE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
# how long a revoked key (or a key created by another process or replica) may go unnoticed: every
# process asks SQL again after this, so a revocation holds everywhere within 1 s
KEY_TTL_S = 1.0
ANY_KEYS_TTL_S = 2.0


class KeyAdminError(ValueError):
    """A key command that cannot be carried out; the message says why."""


@dataclass(frozen=True)
class Principal:
    """Who a request acts as."""

    key_id: str | None
    workspace_id: str
    scope: Scope


@dataclass(frozen=True)
class KeyInfo:
    id: str
    prefix: str
    workspace_id: str
    scope: str
    created_at: dt.datetime | None
    revoked_at: dt.datetime | None


@dataclass(frozen=True)
class CreatedKey:
    info: KeyInfo
    key: str  # the only time the secret exists outside the caller's hands


def _info(row: ApiKey) -> KeyInfo:
    return KeyInfo(row.id, row.prefix, row.workspace_id, row.scope, row.created_at, row.revoked_at)


class KeyRegistry:
    """Creates, revokes and resolves keys; one per process, shared by the middleware and admin routes."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self._principals: TTLCache[str, Principal | None] = TTLCache(KEY_TTL_S)
        self._origins: TTLCache[str, tuple[str, ...]] = TTLCache(KEY_TTL_S)
        self._any_keys: TTLCache[str, bool] = TTLCache(ANY_KEYS_TTL_S, max_entries=1)

    def forget(self) -> None:
        """Drop every cached answer (after this process changed keys or origins)."""
        self._principals.clear()
        self._origins.clear()
        self._any_keys.clear()

    # ---- the request path ----------------------------------------------------------------

    def peek_any_keys(self) -> tuple[bool, bool | None]:
        return self._any_keys.get("")

    def peek_principal(self, key: str) -> tuple[bool, Principal | None]:
        """(hit, principal) from the cache alone; a malformed key is a hit: nobody."""
        if not plausible_key(key):
            return True, None
        return self._principals.get(hash_key(key))

    def peek_origins(self, workspace_id: str) -> tuple[bool, tuple[str, ...] | None]:
        return self._origins.get(workspace_id)

    def any_keys(self) -> bool:
        """Whether any key was ever created; none means local mode on loopback.

        Revoked keys count: revoking the last key must lock the service, not reopen it.
        """
        hit, value = self._any_keys.get("")
        if hit:
            return bool(value)
        with self.database.session() as db:
            found = db.scalar(select(ApiKey.id).limit(1)) is not None
        self._any_keys.put("", found)
        return found

    def resolve(self, key: str) -> Principal | None:
        """The principal of a valid, unrevoked key, else None."""
        if not plausible_key(key):
            return None
        digest = hash_key(key)
        hit, cached = self._principals.get(digest)
        if hit:
            return cached
        principal = None
        with self.database.session() as db:
            row = db.scalar(select(ApiKey).where(ApiKey.key_hash == digest))
            if row is not None and row.revoked_at is None and same_hash(row.key_hash, digest):
                principal = Principal(row.id, row.workspace_id, Scope(row.scope))
        self._principals.put(digest, principal)
        return principal

    def origins(self, workspace_id: str) -> tuple[str, ...]:
        """The origins a widget key of this workspace may be used from."""
        hit, cached = self._origins.get(workspace_id)
        if hit and cached is not None:
            return cached
        with self.database.session() as db:
            workspace = db.get(Workspace, workspace_id)
            value = tuple(workspace.allowed_origins or ()) if workspace else ()
        self._origins.put(workspace_id, value)
        return value

    def known_origins(self) -> tuple[str, ...]:
        """Every workspace's allowed origins: the ones a CORS preflight may be answered for."""
        hit, value = self._origins.get("*")
        if hit and value is not None:
            return value
        with self.database.session() as db:
            lists = db.scalars(select(Workspace.allowed_origins))
            value = tuple(sorted({origin for origins in lists for origin in (origins or ())}))
        self._origins.put("*", value)
        return value

    # ---- administration ------------------------------------------------------------------

    def create(self, workspace_id: str, scope: str = "member", origins: Iterable[str] = ()) -> CreatedKey:
        """A new key for the workspace (created on first use); origins are added to the workspace's."""
        if not WORKSPACE_ID.fullmatch(workspace_id):
            raise KeyAdminError(
                f"invalid workspace id {workspace_id!r}: letters, digits, '.', '_', '-', at most 64"
            )
        try:
            scope_ = Scope(scope)
        except ValueError:
            raise KeyAdminError(f"scope must be one of {', '.join(s.value for s in Scope)}") from None
        try:
            added = [normalize_origin(o) for o in origins]
        except ValueError as exc:
            raise KeyAdminError(str(exc)) from None
        key = generate_key()
        with self.database.session() as db:
            workspace = db.get(Workspace, workspace_id)
            if workspace is None:
                workspace = Workspace(id=workspace_id, name=workspace_id, allowed_origins=[])
                db.add(workspace)
                db.flush()  # the key's foreign key needs the row first
            if added:
                workspace.allowed_origins = sorted({*(workspace.allowed_origins or []), *added})
            row = ApiKey(
                workspace_id=workspace_id, key_hash=hash_key(key), prefix=key_prefix(key), scope=scope_.value
            )
            db.add(row)
            db.commit()
            info = _info(row)
        self.forget()
        return CreatedKey(info, key)

    def find(self, id_or_prefix: str, workspace_id: str | None = None) -> KeyInfo:
        """The one key with this id, prefix or full value (optionally within a workspace)."""
        needle = id_or_prefix.strip()
        if not needle:
            raise KeyAdminError("give a key id or prefix")
        with self.database.session() as db:
            query = select(ApiKey).where(
                or_(ApiKey.id == needle, ApiKey.prefix == needle, ApiKey.key_hash == hash_key(needle))
            )
            if workspace_id is not None:
                query = query.where(in_workspace(ApiKey, workspace_id))
            rows = list(db.scalars(query))
        if not rows:
            raise KeyAdminError(f"no key matches {needle!r}")
        if len(rows) > 1:
            raise KeyAdminError(f"{len(rows)} keys match {needle!r}; give the key id")
        return _info(rows[0])

    def revoke(self, id_or_prefix: str, workspace_id: str | None = None) -> KeyInfo:
        """Revoke a key; revoking twice is harmless. Other processes notice within KEY_TTL_S."""
        found = self.find(id_or_prefix, workspace_id)
        with self.database.session() as db:
            row = db.get(ApiKey, found.id)
            assert row is not None
            if row.revoked_at is None:
                row.revoked_at = utcnow()
                db.commit()
            info = _info(row)
        self.forget()
        return info

    def listing(self, workspace_id: str | None = None) -> list[KeyInfo]:
        with self.database.session() as db:
            query = select(ApiKey).order_by(ApiKey.workspace_id, ApiKey.created_at)
            if workspace_id is not None:
                query = query.where(in_workspace(ApiKey, workspace_id))
            return [_info(row) for row in db.scalars(query)]
