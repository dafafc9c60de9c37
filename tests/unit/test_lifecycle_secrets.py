"""SM109 on every input: secrets in lifecycle scripts are found by detect-secrets, and only their
kinds and lines travel (the collector drops the scripts before a snapshot is written)."""

from __future__ import annotations

import base64
import json
from typing import Any

from smguard.collect.aws import scripts_scanned
from smguard.engine.local import evaluate
from smguard.frontends.api_request import convert_request
from smguard.frontends.aws_snapshot import convert_snapshot
from smguard.frontends.cloudformation import convert_template, decode
from smguard.frontends.kubernetes import convert_manifests

KEY = "AKIA2E0A8F3B244C9986"
LEAKY = f"#!/bin/bash\nset -e\nexport AWS_ACCESS_KEY_ID={KEY}\n"
SAFE = "#!/bin/bash\nset -e\nnohup python /home/ec2-user/autostop.py &\n"


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def _findings(document: Any) -> dict[str, tuple[str, str]]:
    return {
        f.resource: (f.status, f.message) for f in evaluate(document, {}).findings if f.rule_id in ("SM109", "SM001")
    }


def test_template_with_base64_and_sub() -> None:
    text = """
Parameters:
  Bucket: {Type: String}
Resources:
  Leaky:
    Type: AWS::SageMaker::NotebookInstanceLifecycleConfig
    Properties:
      OnStart:
        - Content: !Base64 |
            #!/bin/bash
            export AWS_ACCESS_KEY_ID=KEY_HERE
  Safe:
    Type: AWS::SageMaker::NotebookInstanceLifecycleConfig
    Properties:
      OnCreate:
        - Content:
            Fn::Base64: !Sub "aws s3 cp s3://${Bucket}/setup.sh . && bash setup.sh"
  Imported:
    Type: AWS::SageMaker::NotebookInstanceLifecycleConfig
    Properties:
      OnStart:
        - Content: !ImportValue shared-on-start
""".replace("KEY_HERE", KEY)
    document = convert_template(decode(text, "t.yaml"), "t.yaml", {"Bucket": "b"}).document
    found = _findings(document)
    assert found["Leaky"] == ("fail", "the scripts hold secrets (on_start line 2: AWS Access Key)")
    assert "Safe" not in found
    assert found["Imported"][0] == "unknown"
    assert KEY not in json.dumps(document)


def test_requests_and_updates() -> None:
    for operation in ("CreateNotebookInstanceLifecycleConfig", "UpdateNotebookInstanceLifecycleConfig"):
        leaky = {"NotebookInstanceLifecycleConfigName": "lc", "OnCreate": [{"Content": _b64(SAFE)}],
                 "OnStart": [{"Content": _b64(LEAKY)}]}  # fmt: skip
        assert _findings(convert_request(operation, leaky))[f"{operation}:lc"][0] == "fail"
        assert _findings(convert_request(operation, {**leaky, "OnStart": []})) == {}


def test_content_that_is_not_base64_is_an_error() -> None:
    request = {"NotebookInstanceLifecycleConfigName": "lc", "OnStart": [{"Content": LEAKY}]}
    (status, message) = _findings(convert_request("CreateNotebookInstanceLifecycleConfig", request))[
        "CreateNotebookInstanceLifecycleConfig"
    ]
    assert status == "error" and message == "on_start is not Base64" and KEY not in message


def test_ack_object() -> None:
    obj = {"apiVersion": "sagemaker.services.k8s.aws/v1alpha1", "kind": "NotebookInstanceLifecycleConfig",
           "metadata": {"name": "setup"},
           "spec": {"notebookInstanceLifecycleConfigName": "setup", "onStart": [{"content": _b64(LEAKY)}]}}  # fmt: skip
    assert (
        _findings(convert_manifests([obj], "m.yaml").document)["NotebookInstanceLifecycleConfig/default/setup"][0]
        == "fail"
    )


def test_the_collector_keeps_no_script_and_the_snapshot_is_judged() -> None:
    arn = "arn:aws:sagemaker:us-east-1:111122223333:notebook-instance-lifecycle-config/lc"
    described = {"NotebookInstanceLifecycleConfigArn": arn, "NotebookInstanceLifecycleConfigName": "lc",
                 "OnCreate": [{"Content": _b64(SAFE)}], "OnStart": [{"Content": _b64(LEAKY)}]}  # fmt: skip
    kept = scripts_scanned(described)
    assert '"Content":' not in json.dumps(kept) and _b64(LEAKY) not in json.dumps(kept)
    assert kept["OnStart"] == [{"ContentSecrets": [{"line": 3, "kind": "AWS Access Key"}]}]
    calls = {"sagemaker.DescribeNotebookInstanceLifecycleConfig": {"lc": kept}}
    snapshot = {"smguard_snapshot": 1, "failures": [],
                "accounts": {"111122223333": {"regions": {"us-east-1": {"calls": calls}}}}}  # fmt: skip
    assert _findings(convert_snapshot(snapshot, "s").document)[arn] == (
        "fail",
        "the scripts hold secrets (on_start line 3: AWS Access Key)",
    )
    unreadable = scripts_scanned({**described, "OnStart": [{"Content": "not base64!"}]})
    calls["sagemaker.DescribeNotebookInstanceLifecycleConfig"]["lc"] = unreadable
    assert _findings(convert_snapshot(snapshot, "s").document)[arn][0] == "error"
