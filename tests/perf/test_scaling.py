"""No rule is superlinear: its evaluation count (opa eval --profile) grows with the input, not faster.

Counts, not times: the same on a busy machine. Quadrupling the generated plan must not more
than ~4.5x any rule file's evaluations (a nested loop over resources would show ~16x).
"""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from pathlib import Path

from bench.plangen import generate

from smguard.engine.binaries import find_tool
from smguard.frontends.terraform import convert_plan
from smguard.paths import policies_dir

SMALL, LARGE = 400, 1600


def _evaluations(resources: int, folder: Path) -> Counter[str]:
    document = folder / f"{resources}.json"
    document.write_text(json.dumps(convert_plan(generate(resources), "bench").document))
    output = subprocess.run(
        [str(find_tool("opa")), "eval", "--profile", "--profile-limit", "1000000", "--format", "json",
         "--bundle", str(policies_dir()), "--ignore", "*_test.rego", "--input", str(document),
         "data.smguard.main.findings"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    counts: Counter[str] = Counter()
    for expression in json.loads(output)["profile"]:
        counts[Path(expression["location"]["file"]).name] += expression["num_eval"]
    return counts


def test_every_rule_scales_linearly(tmp_path: Path) -> None:
    small, large = _evaluations(SMALL, tmp_path), _evaluations(LARGE, tmp_path)
    growth = {name: large[name] / small[name] for name in small if small[name] >= 20}
    assert len(growth) > 25  # the generator exercises nearly every rule
    superlinear = {name: round(ratio, 1) for name, ratio in growth.items() if ratio > 4.5}
    assert superlinear == {}
