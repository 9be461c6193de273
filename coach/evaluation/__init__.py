"""Eval suites: each module exposes `run(settings, engine) -> str` printing a report table."""
