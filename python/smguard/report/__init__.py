"""Reporters: findings in, text out. Each is a pure function."""

from smguard.report.json_report import render_json
from smguard.report.junit import render_junit
from smguard.report.sarif import render_sarif
from smguard.report.text import render_text

FORMATS = {"text": render_text, "json": render_json, "sarif": render_sarif, "junit": render_junit}

__all__ = ["FORMATS", "render_json", "render_junit", "render_sarif", "render_text"]
