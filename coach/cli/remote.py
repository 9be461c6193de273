"""The `coach serve` that owns the data folder, as the CLI's client (loopback HTTP, /api/v1).

Authentication: with no API keys the service is in local mode and answers loopback callers as
the default workspace's admin, so nothing is sent. Once keys exist, the CLI (which can write the
folder's database anyway) mints a member key of the target workspace, uses it for this one
command and deletes it when done. The secret lives only in this process's memory and on the
loopback connection; a server that cached it forgets it within seconds (KEY_TTL_S). Member is
the least scope the lesson and review routes need; a purge asks for admin. A key is minted only
for a workspace that exists: a mistyped --workspace must not create one.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

import typer

from coach.cli.ownership import BUSY_EXIT, DEFAULT_WORKSPACE
from coach.home_lock import HomeOwner

if TYPE_CHECKING:
    import httpx

# the owner may still be starting (embeddings, reconciling) when a command finds it
READY_TIMEOUT_S = 60.0
# a batch of lessons is embedded inside the request: ~16 lessons/s on 2 cores
READ_TIMEOUT_S = 900.0
# the exit code of a request the data cannot satisfy (as the commands' own user errors)
USER_ERROR_EXIT = 2


class ServerRefused(Exception):
    """The server answered with an error; the message is the server's, in the asked language."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _settings() -> Any:
    from coach.settings import get_settings

    return get_settings()


def error_message(response: httpx.Response) -> str:
    try:
        return str(response.json()["error"]["message"])
    except (ValueError, KeyError, TypeError):
        return response.text[:300] or response.reason_phrase


class OwnerClient:
    """An HTTP client to the owning server, authenticated for one workspace, for one command."""

    def __init__(self, owner: HomeOwner, workspace: str, scope: str = "member") -> None:
        self.owner, self.workspace, self.scope = owner, workspace, scope
        self._key_id: str | None = None
        self._http: httpx.Client | None = None

    def __enter__(self) -> OwnerClient:
        import httpx

        language = _settings().default_language
        self._http = httpx.Client(
            base_url=f"{self.owner.url}/api/v1",
            timeout=httpx.Timeout(30.0, read=READ_TIMEOUT_S),
            headers={"accept-language": language},
        )
        try:
            self._wait_ready()
            self._authenticate()
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None
        if self._key_id is not None:
            _delete_key(self._key_id)
            self._key_id = None

    @property
    def http(self) -> httpx.Client:
        assert self._http is not None, "use OwnerClient as a context manager"
        return self._http

    def _wait_ready(self) -> None:
        import httpx

        deadline = time.monotonic() + READY_TIMEOUT_S
        while True:
            try:
                if self.http.get(f"{self.owner.url}/healthz", timeout=2.0).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if time.monotonic() >= deadline:
                typer.echo(
                    f"{self.owner.describe('zh')} 持有数据目录但没有响应 · "
                    f"{self.owner.describe('en')} holds the data folder but does not answer",
                    err=True,
                )
                raise typer.Exit(BUSY_EXIT)
            time.sleep(0.2)

    def _authenticate(self) -> None:
        probe = self.http.get("/schema")
        if probe.status_code == 401:
            self._key_id, key = _mint_key(self.workspace, self.scope)
            self.http.headers["authorization"] = f"Bearer {key}"
            return
        if probe.status_code != 200:
            raise ServerRefused(probe.status_code, error_message(probe))
        if self.workspace != DEFAULT_WORKSPACE:
            # local mode serves the default workspace only
            typer.echo(
                f"{self.owner.describe('zh')} 没有配置 API 密钥，只服务默认工作区；请先停止服务再操作工作区 "
                f"{self.workspace} · {self.owner.describe('en')} has no API keys and serves only the default "
                f"workspace; stop it first to work on workspace {self.workspace}",
                err=True,
            )
            raise typer.Exit(BUSY_EXIT)

    def call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        response = self.http.request(method, path, **kwargs)
        if response.status_code >= 400:
            raise ServerRefused(response.status_code, error_message(response))
        return response


def _mint_key(workspace: str, scope: str) -> tuple[str, str]:
    from coach.security.registry import KeyRegistry
    from coach.storage.db import Database
    from coach.storage.tables import Workspace

    database = Database(_settings())
    with database.session() as db:
        exists = db.get(Workspace, workspace) is not None
    if not exists:
        typer.echo(f"没有工作区 {workspace} · no workspace {workspace}", err=True)
        raise typer.Exit(USER_ERROR_EXIT)
    created = KeyRegistry(database).create(workspace, scope)
    return created.info.id, created.key


def _delete_key(key_id: str) -> None:
    """Delete (not revoke) the command's key: it leaves no row behind in `coach keys list`."""
    from sqlalchemy import delete

    from coach.storage.db import Database
    from coach.storage.tables import ApiKey

    with Database(_settings()).session() as db:
        db.execute(delete(ApiKey).where(ApiKey.id == key_id))
        db.commit()
