"""Kubernetes manifests: ACK SageMaker objects read by the CRDs' field names, judged as API requests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from smguard.engine.local import evaluate
from smguard.errors import InputError
from smguard.frontends import kubernetes
from smguard.frontends.detect import convert_file

DATA = Path(__file__).parent / "data" / "k8s"
CRDS = Path(__file__).parents[2] / "third_party" / "ack-sagemaker-controller" / "crds"


def _findings(path: Path) -> set[tuple[str, str, str]]:
    document = convert_file(path.read_bytes(), path.name).document
    return {(f.rule_id, f.resource, f.status) for f in evaluate(document, {}).findings}


def test_training_jobs_by_the_crd_field_names() -> None:
    found = _findings(DATA / "training.yaml")
    assert not [f for f in found if f[1] == "TrainingJob/ml/hardened"]
    defaults = {rule for rule, resource, status in found if resource == "TrainingJob/default/defaults"}
    assert defaults == {"SM301", "SM302", "SM303", "SM304", "SM305"}


def test_the_hosting_chain_is_joined_by_sagemaker_names() -> None:
    found = _findings(DATA / "hosting.yaml")
    assert ("SM405", "Endpoint/ml/serving", "fail") in found  # its canary variant serves the open model
    assert {r for r, res, _ in found if res == "Model/ml/open"} == {"SM401", "SM402"}
    assert not [f for f in found if f[1] in ("Model/ml/xgboost", "EndpointConfig/ml/serving")]
    conversion = convert_file((DATA / "hosting.yaml").read_bytes(), "hosting.yaml")
    assert conversion.warnings == ["hosting.yaml: 4 ACK SageMaker objects judged, 1 other objects ignored"]


def test_lists_objects_without_spec_and_other_kinds() -> None:
    listed = {"apiVersion": "v1", "kind": "List", "items": [
        {"apiVersion": "sagemaker.services.k8s.aws/v1alpha1", "kind": "Model", "metadata": {"name": "m"},
         "spec": {"modelName": "m"}},
        {"apiVersion": "sagemaker.services.k8s.aws/v1alpha1", "kind": "NotebookInstance", "metadata": {"name": "n"}},
        {"apiVersion": "sagemaker.services.k8s.aws/v1alpha1", "kind": "App", "metadata": {"name": "a"}, "spec": {}},
    ]}  # fmt: skip
    conversion = kubernetes.convert_manifests(kubernetes.listed([listed]), "list.yaml")
    assert [m["meta"]["id"] for m in conversion.document["resources"]["models"]] == ["Model/default/m"]
    assert conversion.document["errors"] == [
        {"resource": "NotebookInstance/default/n", "location": "list.yaml", "message": "spec is not an object"}
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("apiVersion: v1\nkind: A\nkind: B\n", "duplicate key 'kind'"),
        ("apiVersion: v1\nkind: [\n", "not valid YAML"),
    ],
    ids=["duplicate-key", "malformed"],
)
def test_bad_yaml_is_one_line(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        kubernetes.load(text, "m.yaml")


def test_a_spec_that_contains_itself_is_refused() -> None:
    text = f"apiVersion: {kubernetes.GROUP}/v1alpha1\nkind: Model\nmetadata: {{name: m}}\nspec: &s {{vpcConfig: *s}}\n"
    with pytest.raises(InputError, match="recursive"):
        kubernetes.load(text, "m.yaml")


def _crd(kind: str) -> dict[str, Any]:
    for path in sorted(CRDS.glob("*.yaml")):
        crd = yaml.safe_load(path.read_text())
        if crd["spec"]["names"]["kind"] == kind:
            return dict(crd["spec"]["versions"][0]["schema"]["openAPIV3Schema"]["properties"]["spec"])
    raise LookupError(kind)


def _full(schema: dict[str, Any]) -> Any:
    """A spec with every field the CRD defines, so every reader finds what it descends into."""
    kind = schema.get("type")
    if kind == "object" and "properties" in schema:
        return {name: _full(inner) for name, inner in schema["properties"].items()}
    if kind == "array":
        return [_full(schema.get("items", {}))]
    # Strings are "x" in Base64, so that a lifecycle script reads as one.
    return {"boolean": True, "integer": 1, "number": 1.0, "object": {}}.get(str(kind), "eA==")


def _defined(schema: dict[str, Any], path: tuple[str, ...]) -> bool:
    node = schema
    for key in path:
        if key == "[]":
            node = node.get("items", {})
            continue
        names = {name.lower().removesuffix("_"): inner for name, inner in node.get("properties", {}).items()}
        if key.lower() not in names:
            return False
        node = names[key.lower()]
    return True


# Fields the rules read that ACK v1.9.1's CRDs do not define: an ACK object cannot set them, so
# they are absent and judged at the AWS default (SM106 fails every ACK notebook: IMDSv1 stays on).
NOT_IN_CRD = {
    "NotebookInstance": {("InstanceMetadataServiceConfiguration",)},
    "EndpointConfig": {("ShadowProductionVariants",)},
    # The API's tuning definitions have no RemoteDebugConfig either (read as off).
    "HyperParameterTuningJob": {("TrainingJobDefinition", "RemoteDebugConfig"),
                                ("TrainingJobDefinitions", "[]", "RemoteDebugConfig")},
}  # fmt: skip


@pytest.mark.parametrize("kind", sorted(kubernetes.OPERATIONS))
def test_every_field_smguard_reads_is_in_the_real_crd(kind: str) -> None:
    schema = _crd(kind)
    asked: set[tuple[str, ...]] = set()
    obj = {"apiVersion": f"{kubernetes.GROUP}/v1alpha1", "kind": kind, "metadata": {"name": "x"}, "spec": _full(schema)}
    document = kubernetes.convert_manifests([obj], "full.yaml", record=lambda _, path: asked.add(path)).document
    assert document["errors"] == []
    fields = {path for path in asked if not path[-1].endswith(".$")}  # Step Functions' "Key.$" probes
    assert len(fields) >= 2
    assert {path for path in fields if not _defined(schema, path)} == NOT_IN_CRD.get(kind, set())


def test_the_webhook_example_is_scoped_to_every_judged_kind() -> None:
    example = yaml.safe_load((Path(__file__).parents[2] / "bundles/deploy/validating-webhook.yaml").read_text())
    (webhook,) = example["webhooks"]
    (rule,) = webhook["rules"]
    assert rule["apiGroups"] == [kubernetes.GROUP]
    assert sorted(rule["resources"]) == sorted(f"{kind.lower()}s" for kind in kubernetes.OPERATIONS)
