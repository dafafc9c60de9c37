"""IAM policies in a plan: managed and inline policies, policy documents, SCPs.

A policy's JSON is often unknown at plan time (``jsonencode`` over ARNs, or a deferred
``data.aws_iam_policy_document``). A referenced policy document's ``statement`` blocks still
carry the actions and conditions, so they are used when its rendered ``json`` is not known.
"""

from __future__ import annotations

from typing import Any, cast

from smguard.errors import MalformedResourceError, PolicyDocumentError
from smguard.frontends import managed_policies
from smguard.frontends.iam_policy import condition, parse_policy, principals
from smguard.frontends.terraform.index import PlanIndex
from smguard.frontends.terraform.network import meta, string, strings
from smguard.frontends.terraform.values import PlanResource
from smguard.frontends.value import UNKNOWN, State, Value, plain
from smguard.frontends.value import meta as value_meta
from smguard.model import ModelPackageGroup, Policy, Principal, Statement

POLICY_DOCUMENT = "aws_iam_policy_document"
# Resource type -> the attribute holding its policy JSON.
POLICY_ATTRIBUTE = {
    "aws_iam_policy": "policy",
    "aws_iam_role_policy": "policy",
    "aws_iam_user_policy": "policy",
    "aws_iam_group_policy": "policy",
    "aws_organizations_policy": "content",
    "aws_vpc_endpoint": "policy",
    "aws_vpc_endpoint_policy": "policy",
}


def identity_policy(resource: PlanResource, index: PlanIndex, location: str) -> Policy:
    return _policy(resource, index, location, POLICY_ATTRIBUTE[resource.type])


# Attachment resource type -> (the attribute naming the principal(s), the attribute with the ARN(s)).
ATTACHMENTS = {
    "aws_iam_role_policy_attachment": (("role",), "policy_arn"),
    "aws_iam_user_policy_attachment": (("user",), "policy_arn"),
    "aws_iam_group_policy_attachment": (("group",), "policy_arn"),
    "aws_iam_policy_attachment": (("roles", "users", "groups"), "policy_arn"),
    "aws_iam_role_policy_attachments_exclusive": (("role_name",), "policy_arns"),
}
# Identity policy type -> the attribute naming the principal it belongs to.
_OWNER = {"aws_iam_role_policy": "role", "aws_iam_user_policy": "user", "aws_iam_group_policy": "group"}


def attached_policies(resource: PlanResource, _index: PlanIndex, location: str) -> list[Policy]:
    """AWS-managed policies an attachment resource attaches by ARN, each an identity policy."""
    owners, arn_attribute = ATTACHMENTS[resource.type]
    principals = [p for attribute in owners for p in _names(resource, attribute)]
    return _managed(resource, location, arn_attribute, principals)


def _managed(resource: PlanResource, location: str, attribute: str, principals: list[str]) -> list[Policy]:
    """One policy per AWS-managed ARN; a list attribute's policies are named ``<address>#<policy>``."""
    listed = attribute.endswith("s")
    found = []
    for arn in _arns(resource, attribute):
        policy_id = f"{resource.address}#{arn.rsplit('/', 1)[-1]}" if listed else resource.address
        policy = managed_policies.attachment(policy_id, resource.type, location, arn, principals)
        if policy is not None:
            found.append(policy)
    return found


def _arns(resource: PlanResource, attribute: str) -> list[str]:
    """Known policy ARNs (an ARN known only at apply is a customer-managed policy of the plan)."""
    value = resource.attribute(attribute)
    if value.known and isinstance(value.value, str):
        return [value.value]
    listed = strings(resource, attribute)
    return list(listed.value) if listed.known else []


def _names(resource: PlanResource, attribute: str) -> list[str]:
    value = resource.attribute(attribute)
    if value.known and isinstance(value.value, str):
        return [value.value] if value.value else []
    if value.known and isinstance(value.value, list):
        return [v for v in value.value if isinstance(v, str) and v]
    return [f"{resource.address}.{attribute}"] if value.unknown else []


def role_inline_policies(resource: PlanResource, _index: PlanIndex, location: str) -> list[Policy]:
    """The ``inline_policy`` blocks of an ``aws_iam_role``, each an identity policy of its own, and
    the AWS-managed policies of its ``managed_policy_arns``."""
    name = _names(resource, "name") or [resource.address]
    return _inline_policies(resource, location, name) + _managed(resource, location, "managed_policy_arns", name)


def _inline_policies(resource: PlanResource, location: str, owner: list[str]) -> list[Policy]:
    blocks = resource.after.get("inline_policy")
    if not isinstance(blocks, list):
        # The whole list known only at apply: unknown when the configuration writes blocks (or,
        # without configuration, may); the attribute is computed, so an unwritten one is empty.
        if resource.setting("inline_policy").state not in (State.PENDING, State.UNKNOWN):
            return []
        unknown = value_meta(f"{resource.address}#inline", "aws_iam_role", location, {"statements": UNKNOWN})
        return [{"meta": unknown, "name": "(inline)", "statements": None, "attached_to": owner}]
    policies: list[Policy] = []
    for i in range(len(blocks)):
        text = string(resource, "inline_policy", i, "policy")
        if text.state is State.ABSENT or text.value == "":
            continue  # the provider's empty placeholder block of a role without inline policies
        statements: Value = UNKNOWN
        if text.known:
            try:
                statements = Value(State.KNOWN, parse_policy(text.value))
            except PolicyDocumentError as exc:
                raise MalformedResourceError(resource.address, f"inline_policy {i}: {exc}") from None
        name = string(resource, "inline_policy", i, "name")
        label = name.value if name.known and name.value else str(i)
        state = Value(State.KNOWN) if statements.known else UNKNOWN
        policies.append({
            "meta": value_meta(f"{resource.address}#inline/{label}", "aws_iam_role", location, {"statements": state}),
            "name": label,
            "statements": statements.value,
            "attached_to": owner,
        })  # fmt: skip
    return policies


def service_control_policy(resource: PlanResource, index: PlanIndex, location: str) -> Policy | None:
    kind = resource.after.get("type", "SERVICE_CONTROL_POLICY")
    if kind != "SERVICE_CONTROL_POLICY":
        return None  # tag, backup and AI opt-out policies are not permission policies
    return _policy(resource, index, location, "content")


def policy_document(resource: PlanResource, index: PlanIndex, location: str) -> Policy | None:
    """A policy document not used by any policy resource of the plan is judged on its own."""
    if any(index.referencing(resource, t, a) for t, a in POLICY_ATTRIBUTE.items()):
        return None  # judged as part of the policy that uses it
    statements = document_statements(resource)
    if statements and any(s["principals"] or s["not_principals"] for s in statements):
        return None  # a resource or trust policy, not an identity policy
    return {
        "meta": meta(resource, location, {"statements": UNKNOWN if statements is None else Value(State.KNOWN)}),
        "name": resource.name,
        "statements": statements,
        "attached_to": [],
    }


def _policy(resource: PlanResource, index: PlanIndex, location: str, attribute: str) -> Policy:
    statements = policy_statements(resource, index, attribute)
    state = UNKNOWN if statements.unknown else Value(State.KNOWN)
    return {
        "meta": meta(resource, location, {"statements": state}),
        "name": string(resource, "name").value,
        "statements": statements.value,
        "attached_to": _names(resource, _OWNER[resource.type]) if resource.type in _OWNER else [],
    }


def policy_statements(resource: PlanResource, index: PlanIndex, attribute: str) -> Value:
    """Statements of the policy JSON in ``attribute``: known, unknown, or absent (no policy)."""
    value = string(resource, attribute)
    if value.known:
        try:
            return Value(State.KNOWN, parse_policy(value.value))
        except PolicyDocumentError as exc:
            raise MalformedResourceError(resource.address, f"{attribute}: {exc}") from None
    if value.unknown:
        documents = [d for d in index.referenced(resource, attribute) if d.type == POLICY_DOCUMENT]
        if len(documents) == 1:
            statements = document_statements(documents[0])
            return UNKNOWN if statements is None else Value(State.KNOWN, statements)
    return value


def document_statements(document: PlanResource) -> list[Statement] | None:
    """A policy document's statements: from its JSON when known, else from its blocks."""
    rendered = document.attribute("json")
    if rendered.known:
        try:
            return parse_policy(rendered.value)
        except PolicyDocumentError as exc:
            raise MalformedResourceError(document.address, f"json: {exc}") from None
    blocks = document.after.get("statement")
    if not isinstance(blocks, list) or _uses_other_documents(document):
        return None
    return [_block_statement(document, i) for i in range(len(blocks))]


def _uses_other_documents(document: PlanResource) -> bool:
    # source/override documents merge statements we cannot see here.
    keys = ("source_json", "override_json", "source_policy_documents", "override_policy_documents")
    return any(document.attribute(k).state is not State.ABSENT for k in keys)


def _block_statement(document: PlanResource, i: int) -> Statement:
    """One ``statement`` block of an ``aws_iam_policy_document`` (values possibly unknown)."""
    unknown: list[str] = []

    def strings(name: str) -> list[str] | None:
        value = document.attribute("statement", i, name)
        if value.unknown:
            unknown.append(name)
            return []
        if not value.known:
            return None
        if not isinstance(value.value, list) or not all(isinstance(v, str) for v in value.value):
            raise MalformedResourceError(document.address, f"statement {i} {name} is not a list of strings")
        return list(value.value)

    effect = document.attribute("statement", i, "effect")
    if effect.unknown:
        unknown.append("effect")
    elif effect.known and effect.value not in ("Allow", "Deny"):
        raise MalformedResourceError(document.address, f"statement {i} effect is neither Allow nor Deny")
    actions, not_actions = strings("actions"), strings("not_actions")
    sid = document.attribute("statement", i, "sid")
    return {
        "sid": sid.value if sid.known and isinstance(sid.value, str) else None,
        "effect": effect.value if effect.known else "Allow",
        "actions": None if actions is None else [a.lower() for a in actions],
        "not_actions": None if not_actions is None else [a.lower() for a in not_actions],
        "resources": strings("resources"),
        "not_resources": strings("not_resources"),
        "principals": _principal_blocks(document, i, "principals", unknown),
        "not_principals": _principal_blocks(document, i, "not_principals", unknown),
        "conditions": _condition_blocks(document, i, unknown),
        "unknown": sorted(set(unknown)),
    }


def _blocks(document: PlanResource, i: int, name: str, unknown: list[str]) -> list[Any]:
    value = document.attribute("statement", i, name)
    if value.unknown:
        unknown.append(name)
    raw = document.after.get("statement", [])[i].get(name)
    return raw if isinstance(raw, list) else []


def _principal_blocks(document: PlanResource, i: int, name: str, unknown: list[str]) -> list[Principal] | None:
    blocks = _blocks(document, i, name, unknown)
    if not blocks:
        return None
    result: list[Principal] = []
    for block in blocks:
        ids = [v for v in block.get("identifiers") or [] if isinstance(v, str)] if isinstance(block, dict) else []
        kind = block.get("type") if isinstance(block, dict) else None
        if not isinstance(kind, str):
            unknown.append(name)
            continue
        try:
            converted = principals("*" if kind == "*" else {kind: ids}, i)
        except PolicyDocumentError as exc:
            raise MalformedResourceError(document.address, str(exc)) from None
        result.extend(converted or [])
    return result


def _condition_blocks(document: PlanResource, i: int, unknown: list[str]) -> list[Any]:
    result = []
    for block in _blocks(document, i, "condition", unknown):
        test, variable = (block.get("test"), block.get("variable")) if isinstance(block, dict) else (None, None)
        if not isinstance(test, str) or not isinstance(variable, str):
            unknown.append("conditions")
            continue
        values = block.get("values")
        try:
            result.append(condition(test, variable, values if isinstance(values, list) else [None], i))
        except PolicyDocumentError as exc:
            raise MalformedResourceError(document.address, str(exc)) from None
    return result


def model_package_group_policy(resource: PlanResource, index: PlanIndex, location: str) -> ModelPackageGroup:
    """``aws_sagemaker_model_package_group_policy``: a group's resource policy."""
    values = {"name": string(resource, "model_package_group_name"),
              "policy": policy_statements(resource, index, "resource_policy")}  # fmt: skip
    return cast(ModelPackageGroup, {"meta": meta(resource, location, values), **plain(values)})
