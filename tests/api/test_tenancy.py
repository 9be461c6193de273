"""Tenancy, property-based: two workspaces with random data, and no route ever shows one the other's.

Each example creates two fresh workspaces with their own member keys, fills both through the real API
(sessions and turns, lessons, a summary job, an OpenAI-style chat) and then runs every probe in
PROBES as each of them. A probe's response must not contain anything that belongs to another
workspace (its ids and its marker string) unless the request itself sent it; probes that name the
other workspace's ids must answer 4xx. The app is shared by all examples, so the data of earlier
examples piles up and is checked too. New routes: add a Probe.
"""

from __future__ import annotations

import itertools
import json
import re
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.api.main import create_app
from coach.library import LessonFilters
from coach.library.dense import DenseIndex, collection_name, lesson_metadata, where_clause
from coach.settings import Settings

LESSON_TEXTS = [
    "回款要有明确负责人，每周跟踪账龄",
    "新人入职第一周配带教导师",
    "大客户签约前先做信用评估",
    "上线前必须完成灰度和回滚演练",
    "Lock the scope two weeks before launch",
    "Every incident gets an owner within 15 minutes",
    "需求评审时拉上测试一起估时",
]
MESSAGES = [
    "回款目标1.2亿，实际9600万；新客户数目标50，实际62",
    "可用性目标99.95%，实际99.7%",
    "没有了",
    "回款最重要",
    "新客户数超额完成，因为渠道推广做得好",
    "Revenue target 1.2M, actual 960k",
    "that's all",
    "到哪了",
]
TEAMS = ["华东销售", "SRE值班组", "Platform", "增长组"]
DIMENSIONS = ["organization", "culture", "people", "business"]
ACTIONS = ["continue", "stop", "optimize", "start"]
_counter = itertools.count()


@dataclass
class Tenant:
    """A workspace under test and everything it owns."""

    workspace: str
    key: str
    marker: str
    sessions: list[str] = field(default_factory=list)
    reviews: list[str] = field(default_factory=list)
    lessons: list[str] = field(default_factory=list)
    jobs: list[str] = field(default_factory=list)
    actions: list[tuple[str, str]] = field(default_factory=list)
    teams: list[str] = field(default_factory=list)
    lesson_texts: list[str] = field(default_factory=list)

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.key}"}

    def secrets(self) -> set[str]:
        owned = [*self.sessions, *self.reviews, *self.lessons, *self.jobs, *(a for _, a in self.actions)]
        return {self.marker, *owned}


@dataclass(frozen=True)
class Probe:
    """One request made as `own`; `{peer_*}`/`{own_*}` placeholders are filled from the two tenants."""

    method: str
    path: str
    params: dict[str, str] | None = None
    json: Any = None
    headers: dict[str, str] | None = None
    foreign: bool = False  # names the peer's resource: must be refused with a 4xx


DONE = {"status": "done"}
CHAT = {"model": "retro-coach", "messages": [{"role": "user", "content": "到哪了"}]}
PROBES = [
    Probe("GET", "/api/v1/reviews"),
    Probe("GET", "/api/v1/reviews", params={"team": "{peer_team}"}),
    Probe("GET", "/api/v1/reviews/{peer_review}", foreign=True),
    Probe("GET", "/api/v1/reviews/{peer_review}.md", foreign=True),
    Probe("PATCH", "/api/v1/reviews/{peer_action_review}/actions/{peer_action}", json=DONE, foreign=True),
    Probe("PATCH", "/api/v1/reviews/{own_review}/actions/{peer_action}", json=DONE, foreign=True),
    Probe("GET", "/api/v1/sessions/{peer_session}", foreign=True),
    Probe("POST", "/api/v1/sessions/{peer_session}/messages", json={"text": "继续"}, foreign=True),
    Probe("GET", "/api/v1/sessions/{own_session}"),
    Probe("POST", "/api/v1/sessions/{own_session}/messages", json={"text": "{peer_lesson_text}"}),
    Probe("GET", "/api/v1/lessons/search", params={"q": "{peer_lesson_text}", "k": "20"}),
    Probe("GET", "/api/v1/lessons/search", params={"q": "{peer_marker}", "k": "20"}),
    Probe("GET", "/api/v1/lessons/search", params={"q": "{peer_lesson_text}", "team": "{peer_team}"}),
    Probe("GET", "/api/v1/lessons/recurring"),
    Probe("GET", "/api/v1/lessons/export"),
    Probe("POST", "/api/v1/lessons", json={"id": "{peer_lesson}", "text": "x", "dimension": "people",
                                           "action": "start"}, foreign=True),
    Probe("GET", "/api/v1/summaries/{peer_job}", foreign=True),
    Probe("POST", "/v1/chat/completions", json=CHAT, headers={"X-Session-Id": "{peer_session}"}),
    Probe("POST", "/v1/chat/completions", json={**CHAT, "user": "alice"}),
    Probe("GET", "/v1/models"),
]  # fmt: skip

_PLACEHOLDER = re.compile(r"\{((?:own|peer)_[a-z_]+)\}")


def placeholders(own: Tenant, peer: Tenant) -> dict[str, str | None]:
    def first(items: list[Any]) -> Any:
        return items[0] if items else None

    values: dict[str, str | None] = {}
    for prefix, tenant in (("own", own), ("peer", peer)):
        action = first(tenant.actions)
        values |= {
            f"{prefix}_session": first(tenant.sessions),
            f"{prefix}_review": first(tenant.reviews),
            f"{prefix}_lesson": first(tenant.lessons),
            f"{prefix}_job": first(tenant.jobs),
            f"{prefix}_team": first(tenant.teams),
            f"{prefix}_marker": tenant.marker,
            f"{prefix}_lesson_text": first(tenant.lesson_texts),
            f"{prefix}_action_review": action[0] if action else None,
            f"{prefix}_action": action[1] if action else None,
        }
    return values


class Missing(LookupError):
    pass


def fill(value: Any, values: dict[str, str | None]) -> Any:
    """The probe's value with placeholders replaced (Missing when a tenant lacks that resource)."""
    if isinstance(value, str):

        def one(match: re.Match[str]) -> str:
            found = values.get(match.group(1))
            if found is None:
                raise Missing(match.group(1))
            return found

        return _PLACEHOLDER.sub(one, value)
    if isinstance(value, dict):
        return {k: fill(v, values) for k, v in value.items()}
    if isinstance(value, list):
        return [fill(v, values) for v in value]
    return value


# ---- the app and the data -------------------------------------------------------------------


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    home: Path = tmp_path_factory.mktemp("tenancy") / "home"
    application = create_app(Settings(home=home, rate_limit_per_minute=0))
    yield application


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def tenants() -> list[Tenant]:
    """Every tenant created so far in this module (their secrets must never show up elsewhere)."""
    return []


def new_tenant(app: FastAPI) -> Tenant:
    workspace = f"ws{next(_counter)}-{uuid.uuid4().hex[:6]}"
    key = app.state.services.extras["keys"].create(workspace, "member").key
    return Tenant(workspace, key, marker=f"mk{uuid.uuid4().hex[:10]}")


def ok(response: Any) -> Any:
    assert response.status_code < 300, response.text
    return response.json() if "json" in response.headers.get("content-type", "") else response.text


@dataclass
class Seed:
    sessions: list[tuple[str, list[str]]]
    lessons: list[tuple[str, str, str]]
    notes: int


seeds = st.builds(
    Seed,
    sessions=st.lists(
        st.tuples(st.sampled_from(TEAMS), st.lists(st.sampled_from(MESSAGES), max_size=3)),
        min_size=1,
        max_size=2,
    ),
    lessons=st.lists(
        st.tuples(st.sampled_from(LESSON_TEXTS), st.sampled_from(DIMENSIONS), st.sampled_from(ACTIONS)),
        min_size=1,
        max_size=4,
    ),
    notes=st.integers(min_value=0, max_value=1),
)


def fill_tenant(client: TestClient, tenant: Tenant, seed: Seed) -> None:
    """Create the tenant's data through the API, recording every id it gets back."""
    h = tenant.headers
    for team, messages in seed.sessions:
        team_name = f"{team}-{tenant.marker}"
        session = ok(client.post("/api/v1/sessions", json={"team": team_name}, headers=h))
        tenant.sessions.append(session["id"])
        tenant.reviews.append(session["review_id"])
        tenant.teams.append(team_name)
        for text in messages:
            ok(client.post(f"/api/v1/sessions/{session['id']}/messages", json={"text": text}, headers=h))
        review = ok(client.get(f"/api/v1/reviews/{session['review_id']}", headers=h))
        tenant.actions += [(session["review_id"], a["id"]) for a in review["action_items"]]
    records = [
        {"text": f"{text}（{tenant.marker}）", "team": tenant.teams[0], "dimension": dim, "action": act}
        for text, dim, act in seed.lessons
    ]
    tenant.lessons += ok(client.post("/api/v1/lessons", json=records, headers=h))["ids"]
    tenant.lesson_texts += [text for text, _, _ in seed.lessons]
    if seed.notes:
        note = f"# {tenant.marker} 复盘\n目标：回款1亿，实际8000万。\n教训：{seed.lessons[0][0]}。"
        job = ok(
            client.post(
                "/api/v1/summaries",
                json={"notes": [{"name": f"{tenant.marker}.md", "text": note}], "index": True},
                headers=h,
            )
        )
        tenant.jobs.append(job["id"])
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            status = ok(client.get(f"/api/v1/summaries/{job['id']}", headers=h))
            if status["status"] == "done":
                tenant.reviews += [i["review_id"] for i in status["items"] if i["review_id"]]
                break
            time.sleep(0.05)
    chat = {"model": "retro-coach", "user": "alice", "messages": [{"role": "user", "content": tenant.marker}]}
    response = client.post("/v1/chat/completions", json=chat, headers=h)
    assert response.status_code == 200, response.text
    tenant.sessions.append(response.headers["X-Session-Id"])


# ---- the property --------------------------------------------------------------------------


def run_probe(client: TestClient, probe: Probe, own: Tenant, peer: Tenant) -> tuple[str, Any] | None:
    values = placeholders(own, peer)
    try:
        path = fill(probe.path, values)
        params, body = fill(probe.params, values), fill(probe.json, values)
        headers = {**own.headers, **fill(probe.headers or {}, values)}
    except Missing:
        return None  # that tenant has no such resource in this example
    response = client.request(probe.method, path, params=params, json=body, headers=headers)
    sent = path + json.dumps([params, body, headers], ensure_ascii=False)
    return sent, response


def assert_isolated(client: TestClient, own: Tenant, peer: Tenant, everyone: list[Tenant]) -> None:
    others = set().union(*(t.secrets() for t in everyone if t is not own))
    for probe in PROBES:
        outcome = run_probe(client, probe, own, peer)
        if outcome is None:
            continue
        sent, response = outcome
        assert response.status_code < 500, (probe, response.text)
        if probe.foreign:
            assert 400 <= response.status_code < 500, (probe, response.status_code, response.text)
        leaked = {secret for secret in others if secret in response.text and secret not in sent}
        assert not leaked, (probe, own.workspace, leaked, response.text[:2000])
        if probe.path == "/v1/chat/completions":
            assert response.headers.get("X-Session-Id") not in peer.sessions, probe


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(first=seeds, second=seeds)
def test_no_route_shows_one_workspace_anothers_data(
    app: FastAPI, client: TestClient, tenants: list[Tenant], first: Seed, second: Seed
) -> None:
    a, b = new_tenant(app), new_tenant(app)
    fill_tenant(client, a, first)
    fill_tenant(client, b, second)
    tenants += [a, b]
    assert_isolated(client, a, b, tenants)
    assert_isolated(client, b, a, tenants)


def test_the_vector_index_is_queried_within_the_workspace(
    app: FastAPI, client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Chroma side on its own: every dense query goes to the caller's collection, hits are filtered."""
    a, b = new_tenant(app), new_tenant(app)
    same = [{"text": text, "dimension": "business", "action": "start"} for text in LESSON_TEXTS]
    ids = {}
    for tenant in (a, b):
        ids[tenant.workspace] = set(
            ok(client.post("/api/v1/lessons", json=same, headers=tenant.headers))["ids"]
        )
    library = app.state.services.library
    assert library.dense is not None, library.dense_error

    queried: list[str] = []
    original = DenseIndex._query

    def spy(collection: Any, vector: Any, n: int, where: Any, workspace_id: str, filters: Any) -> Any:
        queried.append(collection.name)
        return original(collection, vector, n, where, workspace_id, filters)

    monkeypatch.setattr(DenseIndex, "_query", staticmethod(spy))
    for tenant in (a, b):
        for text in LESSON_TEXTS:
            for filters in (LessonFilters(), LessonFilters(team="nobody", dimension="business")):
                queried.clear()
                ranked = library.ranked(tenant.workspace, text, 50, filters, "dense")
                assert {i for i, _ in ranked} <= ids[tenant.workspace]
                assert queried and set(queried) == {collection_name(tenant.workspace)}

    # a vector of b's that somehow sits in a's collection is still never returned to a
    vector = library.embedder.embed_passages([LESSON_TEXTS[0]])
    meta = lesson_metadata(b.workspace, None, "business", "start", 0)
    library.dense.upsert(a.workspace, ["planted"], [LESSON_TEXTS[0]], [meta], vector)
    try:
        ranked = library.ranked(a.workspace, LESSON_TEXTS[0], 50, LessonFilters(), "dense")
        assert "planted" not in {i for i, _ in ranked}
    finally:
        library.dense.delete(a.workspace, ["planted"])


@given(
    team=st.none() | st.text(max_size=20),
    dimension=st.none() | st.sampled_from(DIMENSIONS),
    action=st.none() | st.sampled_from(ACTIONS),
    workspace=st.text(min_size=1, max_size=30),
)
def test_every_chroma_where_clause_names_the_workspace(
    team: str | None, dimension: str | None, action: str | None, workspace: str
) -> None:
    clause = where_clause(workspace, LessonFilters(team, dimension, action, None, None))
    conditions = clause.get("$and", [clause])
    assert {"workspace_id": workspace} in conditions
