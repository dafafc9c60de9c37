"""IAM policies, SCPs and VPC endpoints in Terraform plans."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from smguard.engine.opa_eval import evaluate
from smguard.frontends.terraform import convert_plan
from smguard.jsonio import parse_json
from smguard.model import Document
from smguard.paths import policies_dir

CORPUS = Path(__file__).parents[1] / "corpus" / "tfplan"
ALLOW_ALL = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})


def _change(address: str, after: dict[str, Any], unknown: dict[str, Any] | None = None, mode: str = "managed") -> Any:
    type_, name = address.removeprefix("data.").split(".")
    return {
        "address": address,
        "mode": mode,
        "type": type_,
        "name": name,
        "change": {"actions": ["read" if mode == "data" else "create"], "after": after, "after_unknown": unknown or {}},
    }


def _block(address: str, expressions: dict[str, Any]) -> dict[str, Any]:
    return {"address": address.removeprefix("data."), "expressions": expressions} | (
        {"mode": "data"} if address.startswith("data.") else {}
    )


def _convert(changes: list[Any], blocks: list[Any]) -> Document:
    # configuration addresses of data sources keep their data. prefix
    for block, change in zip(blocks, changes, strict=True):
        block["address"] = change["address"]
    plan = {
        "format_version": "1.2",
        "resource_changes": changes,
        "configuration": {"root_module": {"resources": blocks}},
    }
    return convert_plan(plan, "p.json").document


def test_policy_using_a_rendered_document_is_one_policy() -> None:
    document = _convert(
        [
            _change("data.aws_iam_policy_document.d", {"json": ALLOW_ALL, "statement": []}, mode="data"),
            _change("aws_iam_policy.p", {"name": "p", "policy": ALLOW_ALL}),
        ],
        [
            _block("data.aws_iam_policy_document.d", {}),
            _block("aws_iam_policy.p", {"policy": {"references": ["data.aws_iam_policy_document.d.json"]}}),
        ],
    )
    (policy,) = document["resources"]["iam_policies"]
    assert policy["meta"]["id"] == "aws_iam_policy.p"
    assert policy["statements"] is not None
    assert policy["statements"][0]["actions"] == ["*"]


def test_deferred_document_statements_come_from_its_blocks() -> None:
    statement = {
        "sid": "Presigned",
        "effect": None,
        "actions": ["sagemaker:CreatePresignedNotebookInstanceUrl"],
        "not_actions": None,
        "resources": [None],
        "not_resources": None,
        "principals": [],
        "not_principals": [],
        "condition": [{"test": "StringEquals", "variable": "aws:SourceVpc", "values": [None]}],
    }
    document = _convert(
        [
            _change(
                "data.aws_iam_policy_document.d",
                {"statement": [statement]},
                {"json": True, "statement": [{"resources": [True], "condition": [{"values": [True]}]}]},
                mode="data",
            ),
            _change("aws_iam_role_policy.r", {"name": "r", "role": "x"}, {"policy": True}),
        ],
        [
            _block("data.aws_iam_policy_document.d", {}),
            _block("aws_iam_role_policy.r", {"policy": {"references": ["data.aws_iam_policy_document.d.json"]}}),
        ],
    )
    (policy,) = document["resources"]["iam_policies"]
    assert policy["meta"]["id"] == "aws_iam_role_policy.r"
    (converted,) = policy["statements"] or []
    assert converted["effect"] == "Allow"  # the block's default
    assert converted["actions"] == ["sagemaker:createpresignednotebookinstanceurl"]
    assert converted["conditions"][0]["key"] == "aws:sourcevpc"
    assert converted["conditions"][0]["values_unknown"] is True
    assert "resources" in converted["unknown"]


def test_policy_of_unknown_json_without_a_document_is_unknown() -> None:
    document = _convert(
        [_change("aws_iam_policy.p", {"name": "p"}, {"policy": True})],
        [_block("aws_iam_policy.p", {"policy": {"references": ["aws_s3_bucket.b.arn", "aws_s3_bucket.b"]}})],
    )
    (policy,) = document["resources"]["iam_policies"]
    assert policy["statements"] is None
    assert policy["meta"]["unknown"] == ["statements"]


def test_resource_policy_documents_are_not_identity_policies() -> None:
    plan = parse_json((CORPUS / "checkov__iam_policy_document_data_block_fv1.1.json").read_bytes(), "x")
    assert convert_plan(plan, "x").document["resources"]["iam_policies"] == []


def test_malformed_policy_json_is_a_read_error() -> None:
    document = _convert(
        [_change("aws_iam_policy.p", {"name": "p", "policy": '{"Statement": [{"Effect": "Allow"'})],
        [_block("aws_iam_policy.p", {"policy": {"constant_value": "..."}})],
    )
    assert document["resources"]["iam_policies"] == []
    assert document["errors"][0]["resource"] == "aws_iam_policy.p"
    assert document["errors"][0]["message"].startswith("policy: the policy is not valid JSON")


def test_service_control_policies_are_kept_apart() -> None:
    document = _convert(
        [
            _change(
                "aws_organizations_policy.scp", {"name": "scp", "content": ALLOW_ALL, "type": "SERVICE_CONTROL_POLICY"}
            ),
            _change("aws_organizations_policy.tags", {"name": "tags", "content": "{}", "type": "TAG_POLICY"}),
        ],
        [_block("aws_organizations_policy.scp", {}), _block("aws_organizations_policy.tags", {})],
    )
    assert [p["meta"]["id"] for p in document["resources"]["service_control_policies"]] == [
        "aws_organizations_policy.scp"
    ]
    assert document["resources"]["iam_policies"] == []


def _endpoint(after: dict[str, Any], unknown: dict[str, Any], expressions: dict[str, Any]) -> tuple[Any, Any]:
    base = {
        "service_name": "com.amazonaws.eu-west-1.sagemaker.api",
        "vpc_endpoint_type": "Interface",
        "vpc_id": "vpc-1",
    }
    return _change("aws_vpc_endpoint.e", base | after, unknown), _block("aws_vpc_endpoint.e", expressions)


def test_endpoint_without_configured_policy_has_the_default_policy_even_if_computed() -> None:
    change, block = _endpoint({"private_dns_enabled": True}, {"policy": True, "id": True}, {"service_name": {}})
    (endpoint,) = _convert([change], [block])["resources"]["vpc_endpoints"]
    assert endpoint["policy"] is None
    assert endpoint["meta"]["unknown"] == []
    assert endpoint["sagemaker_service"] == "api"
    assert endpoint["vpc_key"] == "vpc-1"


def test_endpoint_policy_resource_overrides_inline_policy() -> None:
    override = json.dumps(
        {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sagemaker:InvokeEndpoint", "Resource": "*"}]}
    )
    change, block = _endpoint({"policy": ALLOW_ALL}, {"id": True}, {"policy": {"constant_value": ALLOW_ALL}})
    policy_change = _change("aws_vpc_endpoint_policy.p", {"policy": override}, {"vpc_endpoint_id": True, "id": True})
    policy_block = _block(
        "aws_vpc_endpoint_policy.p",
        {"vpc_endpoint_id": {"references": ["aws_vpc_endpoint.e.id", "aws_vpc_endpoint.e"]}},
    )
    (endpoint,) = _convert([change, policy_change], [block, policy_block])["resources"]["vpc_endpoints"]
    assert [s["actions"] for s in endpoint["policy"] or []] == [["sagemaker:invokeendpoint"]]


def test_endpoint_policy_by_unresolvable_reference_is_unknown() -> None:
    change, block = _endpoint({}, {"policy": True}, {"policy": {"references": ["local.policy"]}})
    (endpoint,) = _convert([change], [block])["resources"]["vpc_endpoints"]
    assert endpoint["policy"] is None
    assert "policy" in endpoint["meta"]["unknown"]


def test_endpoint_in_a_vpc_created_by_the_plan_joins_on_the_vpc_address() -> None:
    change, block = _endpoint({}, {"vpc_id": True}, {"vpc_id": {"references": ["aws_vpc.v.id", "aws_vpc.v"]}})
    del change["change"]["after"]["vpc_id"]
    vpc = _change("aws_vpc.v", {"cidr_block": "10.0.0.0/16"}, {"id": True})
    document = _convert([change, vpc], [block, _block("aws_vpc.v", {"cidr_block": {"constant_value": "10.0.0.0/16"}})])
    (endpoint,) = document["resources"]["vpc_endpoints"]
    (converted_vpc,) = document["resources"]["vpcs"]
    assert endpoint["vpc_key"] == converted_vpc["vpc_key"] == "aws_vpc.v"
    assert converted_vpc["endpoints_known"] is True
    assert endpoint["private_dns_enabled"] is False  # not configured: the provider's default


def _role(inline: list[dict[str, Any]], unknown: dict[str, Any] | None = None) -> Document:
    return _convert(
        [_change("aws_iam_role.r", {"name": "r", "inline_policy": inline}, unknown)],
        [_block("aws_iam_role.r", {})],
    )


def test_role_inline_policies_are_identity_policies() -> None:
    grant = json.dumps({"Statement": [{"Effect": "Allow", "Action": "sagemaker:*", "Resource": "*"}]})
    document = _role([{"name": "ml", "policy": grant}, {"name": "", "policy": ""}])
    (policy,) = document["resources"]["iam_policies"]  # the empty block is the provider's placeholder
    assert policy["meta"]["id"] == "aws_iam_role.r#inline/ml"
    assert policy["statements"][0]["actions"] == ["sagemaker:*"]
    verdicts = {(f.rule_id, f.resource, f.status) for f in evaluate(document, {}, policies=policies_dir())}
    assert ("SM201", "aws_iam_role.r#inline/ml", "fail") in verdicts


def test_role_inline_policy_known_only_at_apply_is_unknown() -> None:
    document = _role([{"name": "ml"}], {"inline_policy": [{"policy": True}]})
    (policy,) = document["resources"]["iam_policies"]
    assert policy["statements"] is None
    assert policy["meta"]["unknown"] == ["statements"]


def _role_with_unknown_blocks(expressions: dict[str, Any] | None) -> Document:
    change = _change("aws_iam_role.r", {"name": "r"}, {"inline_policy": True})
    return _convert([change], [] if expressions is None else [_block("aws_iam_role.r", expressions)])


def test_role_whose_configured_inline_policies_are_all_known_only_at_apply_is_unknown() -> None:
    document = _role_with_unknown_blocks({"inline_policy": [{"policy": {"references": ["data.x.y.json"]}}]})
    (policy,) = document["resources"]["iam_policies"]
    assert (policy["meta"]["id"], policy["meta"]["unknown"]) == ("aws_iam_role.r#inline", ["statements"])
    verdicts = {(f.rule_id, f.status) for f in evaluate(document, {}, policies=policies_dir())}
    assert ("SM201", "unknown") in verdicts


def test_role_without_configured_inline_policies_has_none() -> None:
    assert _role_with_unknown_blocks({"name": {"constant_value": "r"}})["resources"]["iam_policies"] == []


def test_malformed_role_inline_policy_is_a_read_error() -> None:
    document = _role([{"name": "ml", "policy": "{"}])
    assert document["resources"]["iam_policies"] == []
    assert document["errors"][0]["message"].startswith("inline_policy 0: the policy is not valid JSON")


def _verdicts(document: Document, config: dict[str, Any] | None = None) -> set[tuple[str, str, str]]:
    return {(f.rule_id, f.resource, f.status) for f in evaluate(document, config or {}, policies=policies_dir())}


def test_malformed_address_values_are_input_errors_not_restrictions() -> None:
    for value in ("not-an-ip", "10.0.0.0/33", "2001:db8::/129"):
        policy = {"Statement": [{"Effect": "Allow", "Action": "sagemaker:*", "Resource": "*",
                                 "Condition": {"IpAddress": {"aws:SourceIp": ["192.0.2.0/24", value]}}}]}  # fmt: skip
        document = _convert([_change("aws_iam_policy.p", {"name": "p", "policy": json.dumps(policy)})],
                            [_block("aws_iam_policy.p", {})])  # fmt: skip
        errors = [f for f in evaluate(document, {}, policies=policies_dir()) if f.rule_id == "SM001"]
        assert [(f.resource, f.status) for f in errors] == [("aws_iam_policy.p", "error")], value
        assert f"'{value}', which is not an IP address or CIDR range" in errors[0].message
        assert document["resources"]["iam_policies"] == []  # not judged as if it restricted anything


def test_bare_addresses_are_single_addresses() -> None:
    policy = {"Statement": [{"Effect": "Allow", "Action": "sagemaker:CreatePresigned*", "Resource": "*",
                             "Condition": {"IpAddress": {"aws:SourceIp": ["192.0.2.7", "2001:db8::7"]}}}]}  # fmt: skip
    document = _convert([_change("aws_iam_policy.p", {"name": "p", "policy": json.dumps(policy)})],
                        [_block("aws_iam_policy.p", {})])  # fmt: skip
    assert _verdicts(document, {"access": {"corporate_cidrs": ["192.0.2.0/28", "2001:db8::/64"]}}) == set()


FULL_ACCESS = "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"
READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess"
CUSTOMER = "arn:aws:iam::123456789012:policy/x"


def test_aws_managed_policies_attached_by_arn_are_judged_by_their_documents() -> None:
    changes = [
        _change("aws_iam_role_policy_attachment.a", {"role": "nb", "policy_arn": FULL_ACCESS}),
        _change("aws_iam_user_policy_attachment.u", {"user": "ann", "policy_arn": READ_ONLY}),
        _change("aws_iam_policy_attachment.many", {"name": "m", "roles": ["r1", "r2"], "users": [], "groups": ["g"],
                                                   "policy_arn": "arn:aws:iam::aws:policy/AdministratorAccess"}),
        _change("aws_iam_role_policy_attachments_exclusive.x", {"role_name": "r3", "policy_arns": [FULL_ACCESS]}),
        _change("aws_iam_role.r", {"name": "r4", "managed_policy_arns": [FULL_ACCESS]}),
        # A customer-managed policy is read where it is defined, not at its attachment.
        _change("aws_iam_role_policy_attachment.own", {"role": "nb", "policy_arn": CUSTOMER}),
    ]  # fmt: skip
    document = _convert(changes, [_block(c["address"], {}) for c in changes])
    policies = {p["meta"]["id"]: p for p in document["resources"]["iam_policies"]}
    assert sorted(policies) == [
        "aws_iam_policy_attachment.many",
        "aws_iam_role.r#AmazonSageMakerFullAccess",
        "aws_iam_role_policy_attachment.a",
        "aws_iam_role_policy_attachments_exclusive.x#AmazonSageMakerFullAccess",
        "aws_iam_user_policy_attachment.u",
    ]
    assert policies["aws_iam_policy_attachment.many"]["attached_to"] == ["r1", "r2", "g"]
    assert policies["aws_iam_role.r#AmazonSageMakerFullAccess"]["attached_to"] == ["r4"]
    verdicts = _verdicts(document, {"access": {"admin_principals": ["r3"]}})
    administered = {resource for rule, resource, status in verdicts if rule == "SM204" and status == "fail"}
    assert administered == {
        "aws_iam_policy_attachment.many",
        "aws_iam_role.r#AmazonSageMakerFullAccess",
        "aws_iam_role_policy_attachment.a",
    }
    assert ("SM201", "aws_iam_role_policy_attachment.a", "fail") in verdicts
    assert not any(resource == "aws_iam_user_policy_attachment.u" for _, resource, _ in verdicts)  # read-only


def test_unknown_aws_managed_policy_is_unknown() -> None:
    change = _change(
        "aws_iam_role_policy_attachment.a", {"role": "nb", "policy_arn": "arn:aws:iam::aws:policy/NotYetPublished"}
    )
    document = _convert([change], [_block(change["address"], {})])
    (policy,) = document["resources"]["iam_policies"]
    assert policy["statements"] is None and policy["meta"]["unknown"] == ["statements"]
    assert ("SM204", "aws_iam_role_policy_attachment.a", "unknown") in _verdicts(document)
