"""Reporters: findings in, text out. Each is a pure function."""

from smguard.report.json_report import render_json
from smguard.report.text import render_text

FORMATS = {"text": render_text, "json": render_json}

__all__ = ["FORMATS", "render_json", "render_text"]
