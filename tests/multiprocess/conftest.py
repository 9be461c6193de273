"""Tests across processes share real servers: a private PostgreSQL and a Chroma server."""

from tests.servers import chroma_server_url, fresh_chroma_url, postgres_server, postgres_url

__all__ = ["chroma_server_url", "fresh_chroma_url", "postgres_server", "postgres_url"]
