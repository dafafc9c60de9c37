"""The webhook's answers to AdmissionReviews, judged by the real embedded engine."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from smguard.engine.local import evaluate_embedded
from smguard.findings import FAILING, Finding
from smguard.model import Document
from smguard.webhook.review import answer

DATA = Path(__file__).parent / "data" / "k8s"


def judge(document: Document) -> list[Finding]:
    return evaluate_embedded(document, {}).findings


def _object(path: str, name: str) -> dict[str, Any]:
    return next(d for d in yaml.safe_load_all((DATA / path).read_text()) if d["metadata"]["name"] == name)


def _review(obj: Any, operation: str = "CREATE", group: str = "sagemaker.services.k8s.aws") -> bytes:
    kind = obj["kind"] if isinstance(obj, dict) else "TrainingJob"
    request = {"uid": "u-1", "kind": {"group": group, "version": "v1alpha1", "kind": kind}, "operation": operation,
               "name": "x", "namespace": "ml", "object": obj}  # fmt: skip
    return json.dumps({"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": request}).encode()


def test_an_insecure_object_is_denied_with_its_findings() -> None:
    result = answer(_review(_object("training.yaml", "defaults")), judge, FAILING)
    response = result.review["response"]
    assert (result.status, response["uid"], response["allowed"], response["status"]["code"]) == (200, "u-1", False, 403)
    assert response["status"]["message"].startswith("smguard denied TrainingJob x: SM301 fail: ")
    assert {"SM301", "SM302", "SM303", "SM304", "SM305"} == {
        part.split(" ", 1)[0] for part in response["status"]["message"].split(": ", 1)[1].split("; ")
    }
    assert result.summary == "u-1 CREATE TrainingJob/ml/x: denied SM301,SM302,SM303,SM304,SM305"


def test_a_compliant_object_is_allowed_on_create_and_update() -> None:
    for operation in ("CREATE", "UPDATE"):
        response = answer(_review(_object("training.yaml", "hardened"), operation), judge, FAILING).review["response"]
        assert response == {"uid": "u-1", "allowed": True}


def test_unknown_findings_are_warnings_unless_fail_on_names_them() -> None:
    endpoint = next(d for d in yaml.safe_load_all((DATA / "hosting.yaml").read_text()) if d["kind"] == "Endpoint")
    # Its configuration is not in the review: SM405 is unknown.
    allowed = answer(_review(endpoint), judge, FAILING).review["response"]
    assert allowed["allowed"] and allowed["warnings"][0].startswith("smguard SM405 unknown: ")
    denied = answer(_review(endpoint), judge, FAILING | {"unknown"}).review["response"]
    assert not denied["allowed"] and "SM405 unknown" in denied["status"]["message"]


@pytest.mark.parametrize(
    "review",
    [
        _review(_object("training.yaml", "defaults"), "DELETE"),
        _review(_object("training.yaml", "defaults"), group="apps"),
        _review({"kind": "App", "spec": {}}),
    ],
    ids=["delete", "other-group", "unjudged-kind"],
)
def test_what_is_not_judged_is_allowed(review: bytes) -> None:
    assert answer(review, judge, FAILING).review["response"] == {"uid": "u-1", "allowed": True}


@pytest.mark.parametrize(
    ("body", "why"),
    [
        (b"{not json", "the body is not JSON"),
        (b'{"apiVersion": "admission.k8s.io/v1beta1", "kind": "AdmissionReview", "request": {"uid": "u"}}',
         "not an admission.k8s.io/v1 AdmissionReview"),
        (b'{"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": {}}', "no request uid"),
        (b'{"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": {"uid": "u", "operation":'
         b' "CREATE", "kind": {"group": "sagemaker.services.k8s.aws", "kind": "Model"}}}', "no object"),
    ],
    ids=["not-json", "old-version", "no-uid", "no-object"],
)  # fmt: skip
def test_a_malformed_review_is_400_and_a_denial(body: bytes, why: str) -> None:
    result = answer(body, judge, FAILING)
    response = result.review["response"]
    assert result.status == 400 and response["allowed"] is False and why in response["status"]["message"]


def test_an_internal_error_denies() -> None:
    def broken(_: Document) -> list[Finding]:
        raise RuntimeError("the engine fell over")

    result = answer(_review(_object("training.yaml", "hardened")), broken, FAILING)
    response = result.review["response"]
    assert not response["allowed"] and "could not judge" in response["status"]["message"]
    assert "fell over" not in json.dumps(result.review)  # the reason is logged, not sent


def test_a_spec_that_cannot_be_read_is_an_error_and_denied() -> None:
    obj = {"apiVersion": "sagemaker.services.k8s.aws/v1alpha1", "kind": "Model", "metadata": {"name": "m"},
           "spec": {"vpcConfig": {"subnets": "subnet-1"}}}  # fmt: skip
    response = answer(_review(obj), judge, FAILING).review["response"]
    assert not response["allowed"] and "SM001 error" in response["status"]["message"]
