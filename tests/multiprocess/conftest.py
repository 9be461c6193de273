"""Tests across processes share real servers: a private PostgreSQL and a Chroma server (tests/servers.py,
registered once for the session in tests/conftest.py)."""
