"""A local scan imports only what it uses.

The sidecar's HTTP client (opa-python-client with aiohttp), boto3 and jsonschema took two thirds
of the CLI's start-up, which is most of a small scan's time; PyYAML, needed only with a config
file, a tenth of what was left. Checked by the modules loaded, so it
holds on a busy machine.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).parents[2] / "tests/golden/examples/notebooks/plan.json"
HEAVY = ("aiohttp", "opa_client", "boto3", "botocore", "jsonschema", "yaml")

_PROBE = """
import sys
from smguard.cli import main
code = main(["scan", sys.argv[1], "--format", "json", "-o", sys.argv[2]])
print(code, *sorted(m for m in sys.argv[3:] if m in sys.modules))
"""


def test_a_plan_scan_loads_no_remote_client_cloud_sdk_schema_validator_or_yaml_parser(tmp_path: Path) -> None:
    probe = subprocess.run(
        [sys.executable, "-c", _PROBE, str(EXAMPLE), str(tmp_path / "report.json"), *HEAVY],
        capture_output=True, text=True, check=True, cwd=tmp_path,  # a folder without .smguard.yaml
    )  # fmt: skip
    assert probe.stdout.split() == ["1"]  # the example has findings; none of HEAVY was imported
