"""Canaries: values a plan marks sensitive, and values no rule needs, never reach any output."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from pathlib import Path

import pytest

CANARY = "CANARY-7f3a9c"


def _plan() -> dict[str, object]:
    after = {
        "name": "nb",
        "direct_internet_access": "Enabled",
        "root_access": "Enabled",
        "subnet_id": f"subnet-{CANARY}",
        "kms_key_id": f"arn:aws:kms:eu-west-1:123456789012:key/{CANARY}",
        "tags": {"owner": CANARY},
        "lifecycle_config_name": CANARY,
        "instance_metadata_service_configuration": [],
    }
    return {
        "format_version": "1.2",
        "variables": {"db_password": {"value": CANARY}},
        "output_changes": {"secret": {"actions": ["create"], "after": CANARY, "after_sensitive": True}},
        "resource_changes": [
            {
                "address": "aws_sagemaker_notebook_instance.nb",
                "mode": "managed",
                "type": "aws_sagemaker_notebook_instance",
                "name": "nb",
                "change": {
                    "actions": ["create"],
                    "before": None,
                    "after": after,
                    "after_unknown": {"security_groups": True},
                    "after_sensitive": {"subnet_id": True, "kms_key_id": True, "tags": {"owner": True}},
                },
            },
            _resource(
                "aws_sagemaker_training_job",
                "job",
                {
                    "training_job_name": "job",
                    "environment": {"DB_PASSWORD": CANARY},
                    "hyper_parameters": {"api_key": CANARY},
                    "vpc_config": [],
                    "enable_network_isolation": False,
                },
                before={"environment": {"OLD": CANARY}},
            ),
            _resource(
                "aws_sagemaker_pipeline",
                "p",
                {
                    "pipeline_definition": json.dumps(
                        {
                            "Steps": [
                                {
                                    "Name": "T",
                                    "Type": "Training",
                                    "Arguments": {
                                        "Environment": {"TOKEN": CANARY},
                                        "HyperParameters": {"secret": CANARY},
                                    },
                                }
                            ]
                        }
                    )
                },
            ),
            _resource(
                "aws_sagemaker_notebook_instance_lifecycle_configuration",
                "lc",
                {"name": "lc", "on_start": base64.b64encode(_SCRIPT.encode()).decode(), "on_create": None},
            ),
        ],
        "configuration": {"root_module": {"resources": [{"address": "aws_sagemaker_notebook_instance.nb"}]}},
    }


# A lifecycle script with secrets the detector finds; only their kinds and lines may come out.
_SCRIPT = f"""#!/bin/bash
export AWS_ACCESS_KEY_ID=AKIA{CANARY.upper().replace("-", "")}WXYZ
db_password = "{CANARY}-hunter2"
"""


def _resource(type_: str, name: str, after: dict[str, object], before: object = None) -> dict[str, object]:
    change = {
        "actions": ["update" if before else "create"],
        "before": before,
        "after": after,
        "after_unknown": {},
        "after_sensitive": {},
        "before_sensitive": {"environment": True},
    }
    return {"address": f"{type_}.{name}", "mode": "managed", "type": type_, "name": name, "change": change}


@pytest.mark.parametrize(
    "args",
    [*(["scan", "--format", f] for f in ("json", "text", "sarif", "junit")), ["convert", "-o", "-"]],
    ids=["json", "text", "sarif", "junit", "convert"],
)
def test_no_canary_in_any_output(tmp_path: Path, args: list[str]) -> None:
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(_plan()))
    out = tmp_path / "out"
    argv = [*args[:1], str(plan), *args[1:]]
    if argv[-1] == "-":
        argv[-1] = str(out)
    result = subprocess.run([sys.executable, "-m", "smguard", *argv], capture_output=True, text=True, check=False)
    assert result.returncode in (0, 1), result.stderr
    produced = result.stdout + result.stderr + (out.read_text() if out.exists() else "")
    assert "aws_sagemaker_training_job.job" in produced  # the carriers were read, not skipped
    assert "aws_sagemaker_pipeline.p#T" in produced
    if args[0] == "scan":
        assert "on_start line 2: AWS Access Key" in produced
        assert "on_start line 3: Secret Keyword" in produced
    assert CANARY not in produced
    assert CANARY.upper().replace("-", "") not in produced
