"""A tiny round-robin TCP proxy for local replicas (what nginx or a load balancer does in production).

    python scripts/proxy.py --listen 127.0.0.1:8000 127.0.0.1:8001 127.0.0.1:8002

Each client connection goes to the next backend in turn and is piped both ways unchanged (HTTP
keep-alive and SSE pass through). A backend that refuses the connection is skipped.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools


async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        writer.close()


def serve(listen: tuple[str, int], backends: list[tuple[str, int]]) -> None:
    turn = itertools.cycle(range(len(backends)))

    async def handle(client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        for _ in backends:
            host, port = backends[next(turn)]
            try:
                backend_reader, backend_writer = await asyncio.open_connection(host, port)
                break
            except OSError:
                continue
        else:
            client_writer.close()
            return
        await asyncio.gather(pipe(client_reader, backend_writer), pipe(backend_reader, client_writer))

    async def main() -> None:
        server = await asyncio.start_server(handle, *listen)
        async with server:
            await server.serve_forever()

    asyncio.run(main())


def address(text: str) -> tuple[str, int]:
    host, _, port = text.rpartition(":")
    return host or "127.0.0.1", int(port)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listen", type=address, default=("127.0.0.1", 8000))
    parser.add_argument("backends", nargs="+", type=address)
    args = parser.parse_args()
    serve(args.listen, args.backends)
