"""Retro Coach · 复盘教练."""

__version__ = "0.1.0"
