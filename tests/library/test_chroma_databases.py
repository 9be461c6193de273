"""Deployments sharing one Chroma server keep apart: `COACH_CHROMA_URL=…?database=NAME` picks one of the
server's databases, and a library sees only the collections of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.domain.library import LessonRecord
from coach.storage.tables import DEFAULT_WORKSPACE
from tests.library.conftest import make_library
from tests.servers import ChromaServer


@pytest.mark.sqlite_only(reason="names its own Chroma databases on the session's server")
def test_two_deployments_on_one_chroma_server_do_not_see_each_others_vectors(
    chroma_server: ChromaServer, tmp_path: Path
) -> None:
    first, second = (
        make_library(tmp_path / name, chroma_url=chroma_server.create_database()) for name in ("a", "b")
    )
    lesson = LessonRecord(id="L1", text="灰度发布前先核对监控大盘", dimension="business", action="start")
    first.add_records(DEFAULT_WORKSPACE, [lesson])

    assert first.dense is not None and second.dense is not None
    assert first.dense.count() == 1
    assert second.dense.count() == 0 and second.dense.workspaces() == set()
    assert not second.degraded
