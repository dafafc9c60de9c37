"""bench/compare.py: the figures two bench results share, and their change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bench.compare import compare, figures, main

OLD = {
    "when": "2026-11-28T21:58:21",
    "cpus": 2,
    "scan": {"10000": {"seconds": 2.5, "peak_rss_mb": 200}},
    "checkov": {"10000": {"speedup": 40.0, "same_failures": True}},
    "profile": [{"ms": 5.0}],
    "sidecar": {"p50_ratio": 2.0},
}
NEW = {
    "when": "2026-11-29T10:00:00",
    "cpus": 2,
    "scan": {"10000": {"seconds": 2.0, "peak_rss_mb": 200, "peak_tree_mb": 290}},
    "checkov": {"10000": {"speedup": 50.0, "same_failures": False}},
    "profile": [{"ms": 9.0}],
    "sidecar": {"p50_ratio": 1.5},
}


def test_figures_are_the_numbers_by_path_without_run_facts_or_flags() -> None:
    assert figures(OLD) == {
        "scan.10000.seconds": 2.5,
        "scan.10000.peak_rss_mb": 200.0,
        "checkov.10000.speedup": 40.0,
        "sidecar.p50_ratio": 2.0,
    }


def test_compare_gives_the_change_of_every_figure_both_runs_have() -> None:
    assert compare(OLD, NEW) == [
        ("scan.10000.seconds", 2.5, 2.0, "-20%"),
        ("scan.10000.peak_rss_mb", 200.0, 200.0, "+0%"),
        ("checkov.10000.speedup", 40.0, 50.0, "+25%"),
        ("sidecar.p50_ratio", 2.0, 1.5, "-25%"),
    ]


def test_unreadable_results_are_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(json.dumps(OLD))
    bad.write_text("{")
    assert main([str(good), str(bad)]) == 2
    assert main([str(good), str(tmp_path / "missing.json")]) == 2
    assert main([str(good)]) == 2
    assert "compare.py" in capsys.readouterr().err
    assert main([str(good), str(good)]) == 0
