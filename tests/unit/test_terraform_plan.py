"""The Terraform plan frontend on real plans (tests/corpus) and on minimal plans built here."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from smguard.errors import InputError
from smguard.frontends.terraform import convert_plan
from smguard.jsonio import parse_json
from smguard.model import Document

CORPUS = Path(__file__).parents[1] / "corpus" / "tfplan"
NOT_PLANS = {
    "checkov__state_json_named_corrupted_plan.json": "Terraform state, not a plan",
    "awspac__sagemaker_notebook_and_domain_kms__mock_partial.json": "not a Terraform plan",
    "awspac__sagemaker_notebook_default_code_repo__mock_partial.json": "not a Terraform plan",
    "awspac__vpc_endpoint_service_acceptance__mock_partial.json": "not a Terraform plan",
}


def _load(name: str) -> Any:
    return parse_json((CORPUS / name).read_bytes(), name)


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.json")))
def test_every_corpus_file_converts_or_is_refused_in_one_line(name: str) -> None:
    if name in NOT_PLANS:
        with pytest.raises(InputError, match=NOT_PLANS[name]) as refused:
            convert_plan(_load(name), name)
        assert "\n" not in str(refused.value)
    else:
        document = convert_plan(_load(name), name).document
        assert document["errors"] == []
        assert document["sources"][0]["name"] == name


def test_utf16_plan_from_powershell_reads_like_utf8() -> None:
    document = convert_plan(_load("checkov__windows_utf16_bom_fv1.1.json"), "x").document
    assert document["sources"][0]["format_version"] == "1.1"


def test_module_subnets_keep_absolute_addresses_and_unresolvable_vpcs_are_unknown() -> None:
    # terraform-aws-modules/vpc: subnets in module.vpc with count, vpc_id through a local.
    subnets = convert_plan(_load("tfcompliance__modules_count_network_fv0.1.json"), "x").document["resources"][
        "subnets"
    ]
    ids = {s["meta"]["id"] for s in subnets}
    assert "module.vpc.aws_subnet.private[0]" in ids
    assert all({"vpc_id", "default_network"} <= set(s["meta"]["unknown"]) for s in subnets)


def test_subnet_reference_to_a_vpc_in_the_plan_is_followed_in_a_tf_012_plan() -> None:
    subnets = convert_plan(_load("checkov__large_55_resources_fv0.1_tf0.12.json"), "x").document["resources"]["subnets"]
    eks = next(s for s in subnets if s["meta"]["id"] == "aws_subnet.eks_subnet1")
    assert eks["default_network"] is False
    assert eks["meta"]["unknown"] == ["subnet_id", "vpc_id"]


def test_data_source_subnet_read_at_plan_time_is_known() -> None:
    subnets = convert_plan(_load("checkov__for_each_modules_fv1.2_tf1.9.json"), "x").document["resources"]["subnets"]
    assert subnets == [
        {
            "meta": {
                "id": "data.aws_subnet.private",
                "source_type": "data.aws_subnet",
                "location": "x",
                "unknown": [],
                "pending": [],
            },
            "subnet_id": "subnet-04c460d388900659b",
            "vpc_id": "vpc-123456abc",
            "vpc_key": "vpc-123456abc",
            "default_network": False,
        }
    ]


# The aws-samples policy-as-code mocks hold real-shaped resource_changes without configuration.
def _mock_case(case: str) -> dict[str, Any]:
    mock = _load("awspac__sagemaker_notebook_and_domain_kms__mock_partial.json")["mock"]
    return {"format_version": "1.0", **mock[case]}


def test_mock_notebook_at_defaults_applies_aws_defaults() -> None:
    (notebook,) = convert_plan(_mock_case("default_settings"), "m").document["resources"]["notebook_instances"]
    assert notebook["direct_internet_access"] is True
    assert notebook["root_access"] is True
    assert notebook["kms_key_id"] is None
    assert notebook["subnet_id"] is None
    # Without configuration in the plan, an after_unknown attribute cannot be called "not set".
    assert notebook["meta"]["unknown"] == ["platform_identifier", "security_groups"]


def test_mock_notebook_key_by_reference_is_unknown_not_missing() -> None:
    (notebook,) = convert_plan(_mock_case("valid_referenced"), "m").document["resources"]["notebook_instances"]
    assert "kms_key_id" in notebook["meta"]["unknown"]


def test_mock_notebook_key_by_constant_is_known() -> None:
    (notebook,) = convert_plan(_mock_case("valid_constant"), "m").document["resources"]["notebook_instances"]
    assert notebook["kms_key_id"].startswith("arn:aws:kms:")


# Minimal plans: one notebook, with after / after_unknown / configuration chosen per test.
NOTEBOOK_AFTER = {
    "name": "nb",
    "direct_internet_access": "Disabled",
    "root_access": "Disabled",
    "subnet_id": "subnet-1",
    "kms_key_id": "key",
    "instance_metadata_service_configuration": [{"minimum_instance_metadata_service_version": "2"}],
}


def _plan(
    after: dict[str, Any] | None = None,
    unknown: dict[str, Any] | None = None,
    expressions: dict[str, Any] | None = None,
    *,
    module: str = "",
    sensitive: dict[str, Any] | None = None,
    actions: tuple[str, ...] = ("create",),
) -> dict[str, Any]:
    after = copy.deepcopy(NOTEBOOK_AFTER if after is None else after)
    address = f"{module + '.' if module else ''}aws_sagemaker_notebook_instance.nb"
    change: dict[str, Any] = {
        "actions": list(actions),
        "before": None,
        "after": None if actions == ("delete",) else after,
        "after_unknown": unknown or {},
        "after_sensitive": sensitive or {},
    }
    entry: dict[str, Any] = {
        "address": address,
        "mode": "managed",
        "type": "aws_sagemaker_notebook_instance",
        "name": "nb",
        "change": change,
    }
    root: dict[str, Any] = {"resources": []}
    block = {"address": "aws_sagemaker_notebook_instance.nb", "expressions": expressions or {}}
    if module:
        entry["module_address"] = module
        root["module_calls"] = {"m": {"source": "./m", "module": {"resources": [block]}}}
    else:
        root["resources"].append(block)
    return {"format_version": "1.2", "resource_changes": [entry], "configuration": {"root_module": root}}


def _notebook(plan: dict[str, Any]) -> dict[str, Any]:
    document: Document = convert_plan(plan, "p.json").document
    assert document["errors"] == []
    (notebook,) = document["resources"]["notebook_instances"]
    return dict(notebook)


def test_computed_security_groups_not_configured_are_absent_not_unknown() -> None:
    notebook = _notebook(_plan(unknown={"security_groups": True}))
    assert notebook["security_groups"] == []
    assert "security_groups" not in notebook["meta"]["unknown"]


def test_security_groups_configured_by_reference_are_unknown() -> None:
    expressions = {"security_groups": {"references": ["aws_security_group.a.id", "aws_security_group.a"]}}
    notebook = _notebook(_plan(unknown={"security_groups": True}, expressions=expressions))
    assert "security_groups" in notebook["meta"]["unknown"]


def test_kms_key_computed_but_not_configured_fails_closed() -> None:
    after = {k: v for k, v in NOTEBOOK_AFTER.items() if k != "kms_key_id"}
    notebook = _notebook(_plan(after, unknown={"kms_key_id": True}))
    assert notebook["kms_key_id"] is None
    assert "kms_key_id" not in notebook["meta"]["unknown"]


def test_module_resource_uses_its_module_configuration() -> None:
    expressions = {"security_groups": {"references": ["var.security_group_ids"]}}
    plan = _plan(unknown={"security_groups": True}, expressions=expressions, module='module.m["x"]')
    notebook = _notebook(plan)
    assert notebook["meta"]["id"] == 'module.m["x"].aws_sagemaker_notebook_instance.nb'
    assert "security_groups" in notebook["meta"]["unknown"]


def test_deleted_resource_is_ignored() -> None:
    assert convert_plan(_plan(actions=("delete",)), "p").document["resources"]["notebook_instances"] == []


def test_sensitive_value_is_never_copied() -> None:
    after = dict(NOTEBOOK_AFTER, kms_key_id="arn:aws:kms:secret-canary")
    plan = _plan(after, sensitive={"kms_key_id": True}, expressions={"kms_key_id": {"references": ["var.key"]}})
    notebook = _notebook(plan)
    assert "secret-canary" not in json.dumps(notebook)
    assert "kms_key_id" in notebook["meta"]["pending"]


def test_lowercase_toggle_is_a_read_error_not_a_pass() -> None:
    plan = _plan(dict(NOTEBOOK_AFTER, direct_internet_access="disabled"))
    document = convert_plan(plan, "p.json").document
    assert document["resources"]["notebook_instances"] == []
    assert document["errors"] == [
        {
            "resource": "aws_sagemaker_notebook_instance.nb",
            "location": "p.json",
            "message": "direct_internet_access is neither Enabled nor Disabled",
        }
    ]


def test_wrong_type_attribute_is_a_read_error() -> None:
    document = convert_plan(_plan(dict(NOTEBOOK_AFTER, subnet_id=7)), "p.json").document
    assert [e["message"] for e in document["errors"]] == ["subnet_id is not a string"]


def test_malformed_entry_is_a_read_error_and_others_still_convert() -> None:
    plan = _plan()
    plan["resource_changes"].append({"address": "aws_x.y", "type": "aws_x", "name": "y", "change": "oops"})
    document = convert_plan(plan, "p.json").document
    assert len(document["resources"]["notebook_instances"]) == 1
    assert document["errors"][0]["resource"] == "aws_x.y"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ([], "top level is a array"),
        ({"format_version": "1.2", "resource_changes": {}}, "resource_changes is a object"),
        ({"format_version": 1, "resource_changes": []}, "format_version is a number"),
        ({"values": {"root_module": {}}}, "Terraform state"),
        ({"hello": "world"}, "not a Terraform plan"),
    ],
)
def test_not_plans_are_refused(value: Any, message: str) -> None:
    with pytest.raises(InputError, match=message):
        convert_plan(value, "x.json")


def test_newer_major_format_is_tried_with_a_warning() -> None:
    plan = dict(_plan(), format_version="2.0")
    conversion = convert_plan(plan, "p.json")
    assert len(conversion.document["resources"]["notebook_instances"]) == 1
    assert conversion.warnings == [
        "p.json: plan format_version 2.0 is newer than the 1.x this version knows; trying anyway"
    ]


def test_references_resolve_within_the_same_module_instance() -> None:
    """module.net["a"] and module.net["b"] each have a subnet; each notebook follows its own."""

    def subnet(key: str, default: bool) -> dict[str, Any]:
        return {
            "address": f'module.net["{key}"].data.aws_subnet.s',
            "module_address": f'module.net["{key}"]',
            "mode": "data",
            "type": "aws_subnet",
            "name": "s",
            "change": {"actions": ["read"], "after": {"default_for_az": default}, "after_unknown": {"id": True}},
        }

    def notebook(key: str) -> dict[str, Any]:
        return {
            "address": f'module.net["{key}"].aws_sagemaker_notebook_instance.nb',
            "module_address": f'module.net["{key}"]',
            "mode": "managed",
            "type": "aws_sagemaker_notebook_instance",
            "name": "nb",
            "change": {"actions": ["create"], "after": dict(NOTEBOOK_AFTER, subnet_id=None),
                       "after_unknown": {"subnet_id": True}},
        }  # fmt: skip

    blocks = [
        {"address": "data.aws_subnet.s", "mode": "data", "expressions": {}},
        {
            "address": "aws_sagemaker_notebook_instance.nb",
            "expressions": {"subnet_id": {"references": ["data.aws_subnet.s.id", "data.aws_subnet.s"]}},
        },
    ]
    plan = {
        "format_version": "1.2",
        "resource_changes": [subnet("a", True), subnet("b", False), notebook("a"), notebook("b")],
        "configuration": {"root_module": {"module_calls": {"net": {"module": {"resources": blocks}}}}},
    }
    notebooks = convert_plan(plan, "p").document["resources"]["notebook_instances"]
    by_id = {n["meta"]["id"]: n for n in notebooks}
    assert by_id['module.net["a"].aws_sagemaker_notebook_instance.nb']["default_network"] is True
    # b's subnet is not a default subnet, but whether its VPC is the default one is not in the plan.
    b = by_id['module.net["b"].aws_sagemaker_notebook_instance.nb']
    assert b["default_network"] is None
    assert "default_network" in b["meta"]["unknown"]


def test_planned_values_only_plan_uses_configuration_for_missing_values() -> None:
    """Trimmed plans (no resource_changes) omit unknown values silently; configuration tells."""
    values = {k: v for k, v in NOTEBOOK_AFTER.items() if k != "kms_key_id"}
    plan = {
        "planned_values": {
            "root_module": {
                "child_modules": [
                    {
                        "address": "module.m",
                        "resources": [
                            {
                                "address": "module.m.aws_sagemaker_notebook_instance.nb",
                                "mode": "managed",
                                "type": "aws_sagemaker_notebook_instance",
                                "name": "nb",
                                "values": values,
                            }
                        ],
                    }
                ]
            }
        },
        "configuration": {
            "root_module": {
                "module_calls": {
                    "m": {
                        "module": {
                            "resources": [
                                {
                                    "address": "aws_sagemaker_notebook_instance.nb",
                                    "expressions": {"kms_key_id": {"references": ["aws_kms_key.k.arn"]}},
                                }
                            ]
                        }
                    }
                }
            }
        },
    }
    conversion = convert_plan(plan, "p")
    (notebook,) = conversion.document["resources"]["notebook_instances"]
    assert notebook["meta"]["id"] == "module.m.aws_sagemaker_notebook_instance.nb"
    # kms_key_id is configured by reference; security_groups is not configured, so it is not set.
    assert notebook["meta"]["unknown"] == ["default_network", "kms_key_id", "vpc_id"]
    assert notebook["security_groups"] == []
    assert conversion.warnings == ["p: no format_version; reading it as a trimmed Terraform plan"]


def _conditional_subnet_plan(references: list[str]) -> dict[str, Any]:
    notebook = _plan(dict(NOTEBOOK_AFTER, subnet_id=None), unknown={"subnet_id": True})
    notebook["configuration"]["root_module"]["resources"][0]["expressions"] = {"subnet_id": {"references": references}}
    for address, type_ in (("aws_subnet.a", "aws_subnet"), ("aws_default_subnet.d", "aws_default_subnet")):
        notebook["resource_changes"].append(
            {
                "address": address,
                "mode": "managed",
                "type": type_,
                "name": address.split(".")[1],
                "change": {"actions": ["create"], "after": {"vpc_id": "vpc-1"}, "after_unknown": {"id": True}},
            }
        )
    notebook["resource_changes"].append(  # an existing VPC the configuration manages
        {
            "address": "aws_vpc.v",
            "mode": "managed",
            "type": "aws_vpc",
            "name": "v",
            "change": {"actions": ["no-op"], "after": {"id": "vpc-1"}, "after_unknown": {}},
        }
    )
    return notebook


@pytest.mark.parametrize(
    "references",
    [
        ["var.c", "aws_subnet.a.id", "aws_subnet.a", "aws_default_subnet.d.id", "aws_default_subnet.d"],
        ["var.c", "aws_default_subnet.d.id", "aws_default_subnet.d", "aws_subnet.a.id", "aws_subnet.a"],
        ["var.other_subnet", "aws_subnet.a.id", "aws_subnet.a"],
    ],
    ids=["default-second", "default-first", "variable-or-resource"],
)
def test_reference_that_may_name_another_subnet_is_unknown(references: list[str]) -> None:
    notebook = _notebook(_conditional_subnet_plan(references))
    assert notebook["default_network"] is None
    assert "default_network" in notebook["meta"]["unknown"]


def test_reference_with_instance_key_is_followed() -> None:
    notebook = _notebook(_conditional_subnet_plan(["aws_subnet.a.id", "aws_subnet.a", "count.index"]))
    assert notebook["default_network"] is False
    assert notebook["vpc_key"] == "vpc-1"
