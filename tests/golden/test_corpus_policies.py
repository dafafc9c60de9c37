"""The AWS documentation's and data-perimeter examples (tests/corpus/iam), with the verdicts we expect.

Identity policies are judged by SM201-SM203 and SM306, endpoint policies as the policy of a
SageMaker API interface endpoint by SM501-SM503, SCPs by SM306.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from smguard.engine.opa_eval import evaluate
from smguard.frontends.iam_policy import parse_policy
from smguard.model import Document, empty_document
from smguard.paths import policies_dir

CORPUS = Path(__file__).parents[1] / "corpus" / "iam"
CORPORATE = {"access": {"corporate_cidrs": ["192.0.2.0/24"]}}
ORGANIZATION = {"perimeter": {"org_id": "o-a1b2c3d4e5"}}

IDENTITY = {
    # Network-restricted presigned grants, as AWS recommends: nothing to report.
    "smdg__presigned_notebook_url_by_source_ip.json": set(),
    "smdg__presigned_notebook_url_only_via_vpce.json": set(),
    "smdg__presigned_notebook_url_sourcevpc.json": set(),
    "smdg__presigned_notebook_url_sourcevpce_list.json": set(),
    "smdg__presigned_domain_url_sourcevpce_list.json": set(),
    "smdg__presigned_domain_url_vpcsourceip_and_sourcevpc.json": set(),
    # sagemaker:* on every resource, if only from the VPC: an administrator's grant (SM204).
    "smdg__api_runtime_only_from_vpc_sourcevpc.json": {"SM204"},
    # "Security and shared notebook instances": one notebook, but from anywhere.
    "smdg__presigned_notebook_url_single_notebook_no_condition.json": {"SM201"},
    # No presigned-URL action at all.
    "smdg__api_by_source_ip.json": set(),
    "smdg__enforce_network_isolation_training.json": set(),
    "smdg__enforce_notebook_volume_kms.json": set(),
    "smdg__enforce_volume_kms_for_jobs.json": set(),
    "smdg__notebook_lockdown_no_internet_no_root_vpc.json": set(),
    # "Restrict training to a specific VPC" only allows: another policy granting CreateTrainingJob
    # (AmazonSageMakerFullAccess, say) walks around it, and tuning/processing are not covered.
    "smdg__restrict_training_to_vpc_vpcsubnets_sgs.json": {"SM306"},
}

ENDPOINT = {
    # AWS's own endpoint policy examples name Principal "*" without any perimeter condition.
    "smdg__vpce_policy_notebook_endpoint.json": {"SM502"},
    "smdg__vpce_policy_runtime_invoke_endpoint.json": {"SM502"},
    "smdg__vpce_policy_studio_presigned_domain_url.json": {"SM502"},
    # The data-perimeter default: every wildcard grant carries an organization or service condition.
    "dpe__default_vpc_endpoint_policy.json": set(),
}


def _meta(resource_id: str) -> Any:
    return {"id": resource_id, "source_type": "corpus", "location": resource_id, "unknown": [], "pending": []}


def _identity(name: str) -> Document:
    document = empty_document()
    statements = parse_policy((CORPUS / name).read_text())
    document["resources"]["iam_policies"].append(
        {"meta": _meta(name), "name": name, "statements": statements, "attached_to": []}
    )
    return document


def _endpoint(name: str) -> Document:
    document = empty_document()
    document["resources"]["vpc_endpoints"].append(
        {
            "meta": _meta(name),
            "service_name": "com.amazonaws.eu-west-1.sagemaker.api",
            "sagemaker_service": "api",
            "endpoint_type": "Interface",
            "vpc_id": None,
            "vpc_key": None,
            "private_dns_enabled": True,
            "policy": parse_policy((CORPUS / name).read_text()),
        }
    )
    return document


def _rules(document: Document, config: dict[str, Any] | None = None) -> set[str]:
    return {f.rule_id for f in evaluate(document, config or {}, policies=policies_dir()) if f.status == "fail"}


@pytest.mark.parametrize(("name", "expected"), sorted(IDENTITY.items()))
def test_identity_policy_examples(name: str, expected: set[str]) -> None:
    assert _rules(_identity(name)) == expected


@pytest.mark.parametrize(("name", "expected"), sorted(ENDPOINT.items()))
def test_endpoint_policy_examples(name: str, expected: set[str]) -> None:
    assert _rules(_endpoint(name)) == expected


def test_documentation_ranges_are_not_all_corporate() -> None:
    # The IP example allows 192.0.2.0/24 and 203.0.113.0/24; only the first is ours.
    assert _rules(_identity("smdg__presigned_notebook_url_by_source_ip.json"), CORPORATE) == {"SM203"}


def test_placeholder_organization_fails_against_the_configured_one() -> None:
    # The example's "<my-org-id>" placeholder is not our organization: full access to strangers.
    assert _rules(_endpoint("dpe__default_vpc_endpoint_policy.json"), ORGANIZATION) == {"SM501"}


SCPS = {
    # PreventNonVPCDeploymentSageMaker: a Null test on VpcSubnets alone, on every create action.
    "dpe__restrict_nonvpc_deployment_scp.json": set(),
    # Network perimeters for other services: no SageMaker job guardrail in them.
    "dpe__network_perimeter_sourcevpc_scp.json": set(),
    "dpe__network_perimeter_vpceorgid_scp.json": set(),
}


@pytest.mark.parametrize(("name", "expected"), sorted(SCPS.items()))
def test_service_control_policy_examples(name: str, expected: set[str]) -> None:
    document = empty_document()
    # The perimeter templates say "<my-corporate-cidr>" where an address goes (an SM001 as it is).
    statements = parse_policy((CORPUS / name).read_text().replace("<my-corporate-cidr>", "192.0.2.0/24"))
    document["resources"]["service_control_policies"].append(
        {"meta": _meta(name), "name": name, "statements": statements, "attached_to": []}
    )
    assert _rules(document) == expected


def test_every_example_has_an_expected_verdict() -> None:
    assert {p.name for p in CORPUS.glob("*.json")} == set(IDENTITY) | set(ENDPOINT) | set(SCPS)
