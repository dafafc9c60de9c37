"""Policy JSON to normalized statements (shared by every frontend)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from smguard.errors import PolicyDocumentError
from smguard.frontends.iam_policy import parse_policy
from smguard.frontends.services import sagemaker_service

CORPUS = Path(__file__).parents[1] / "corpus" / "iam"


def test_statement_is_normalized() -> None:
    (statement,) = parse_policy(
        json.dumps(
            {
                "Statement": {
                    "Sid": "S",
                    "Effect": "Allow",
                    "Action": "SageMaker:CreatePresigned*",
                    "Resource": "*",
                    "Principal": {"AWS": "arn:aws:iam::123456789012:root", "Service": ["sagemaker.amazonaws.com"]},
                    "Condition": {
                        "ForAnyValue:StringEqualsIfExists": {"AWS:SourceVpce": ["vpce-1", "vpce-2"]},
                        "Bool": {"aws:SecureTransport": True},
                    },
                }
            }
        )
    )
    assert statement == {
        "sid": "S",
        "effect": "Allow",
        "actions": ["sagemaker:createpresigned*"],
        "not_actions": None,
        "resources": ["*"],
        "not_resources": None,
        "principals": [
            {"type": "AWS", "values": ["arn:aws:iam::123456789012:root"]},
            {"type": "Service", "values": ["sagemaker.amazonaws.com"]},
        ],
        "not_principals": None,
        "conditions": [
            {
                "operator": "ForAnyValue:StringEqualsIfExists",
                "base": "StringEquals",
                "qualifier": "ForAnyValue",
                "if_exists": True,
                "key": "aws:sourcevpce",
                "values": ["vpce-1", "vpce-2"],
                "values_unknown": False,
            },
            {
                "operator": "Bool",
                "base": "Bool",
                "qualifier": None,
                "if_exists": False,
                "key": "aws:securetransport",
                "values": ["true"],
                "values_unknown": False,
            },
        ],
        "unknown": [],
    }


def test_not_action_and_wildcard_principal() -> None:
    (statement,) = parse_policy({"Statement": [{"Effect": "Deny", "NotAction": "s3:*", "Principal": "*"}]})
    assert statement["actions"] is None
    assert statement["not_actions"] == ["s3:*"]
    assert statement["principals"] == [{"type": "*", "values": ["*"]}]


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[]", "not a JSON object"),
        ({"Version": "2012-10-17"}, "no Statement list"),
        ({"Statement": ["x"]}, "statement 0 is not an object"),
        ({"Statement": [{"Effect": "allow", "Action": "*"}]}, "Effect 'allow'"),
        ({"Statement": [{"Effect": "Allow"}]}, "exactly one of Action and NotAction"),
        ({"Statement": [{"Effect": "Allow", "Action": "*", "NotAction": "s3:*"}]}, "exactly one of"),
        ({"Statement": [{"Effect": "Allow", "Action": 3}]}, "Action is not a string"),
        ({"Statement": [{"Effect": "Allow", "Action": "*", "Principal": 5}]}, "Principal is neither"),
        (
            {"Statement": [{"Effect": "Allow", "Action": "*", "Condition": {"Foo:StringEquals": {"k": "v"}}}]},
            "qualifier",
        ),
        (
            {"Statement": [{"Effect": "Allow", "Action": "*", "Condition": {"StringEquals": {"k": {"a": 1}}}}]},
            "non-scalar",
        ),
        (
            {"Statement": [{"Effect": "Allow", "Action": "*", "Condition": {"IpAddress": {"aws:SourceIp": None}}}]},
            "IpAddress aws:SourceIp has a null value",
        ),
        (
            {"Statement": [{"Effect": "Deny", "Action": "*", "Condition": {"StringNotEquals": {"k": ["a", None]}}}]},
            "null value",
        ),
    ],
)
def test_malformed_policies_are_refused(document: object, message: str) -> None:
    with pytest.raises(PolicyDocumentError, match=message):
        parse_policy(document)


# The data-perimeter examples are templates: "<my-corporate-cidr>" stands where an address goes.
TEMPLATES_WITH_ADDRESS_PLACEHOLDERS = {
    "dpe__network_perimeter_sourcevpc_scp.json",
    "dpe__network_perimeter_vpceorgid_scp.json",
}


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.json")), ids=lambda p: p.name)
def test_every_corpus_policy_parses(path: Path) -> None:
    if path.name in TEMPLATES_WITH_ADDRESS_PLACEHOLDERS:
        with pytest.raises(
            PolicyDocumentError, match="'<my-corporate-cidr>', which is not an IP address or CIDR range"
        ):
            parse_policy(path.read_text())
        filled = path.read_text().replace("<my-corporate-cidr>", "192.0.2.0/24")
    else:
        filled = path.read_text()
    statements = parse_policy(filled)
    assert statements
    assert all(s["effect"] in ("Allow", "Deny") for s in statements)


@pytest.mark.parametrize(
    ("name", "service"),
    [
        ("com.amazonaws.eu-west-1.sagemaker.api", "api"),
        ("com.amazonaws.us-gov-west-1.sagemaker.runtime", "runtime"),
        ("com.amazonaws.us-east-1.sagemaker.runtime-fips", "runtime-fips"),
        ("com.amazonaws.ap-southeast-2.sagemaker.featurestore-runtime", "featurestore-runtime"),
        ("aws.sagemaker.eu-central-1.notebook", "notebook"),
        ("aws.sagemaker.cn-north-1.studio", "studio"),
        ("com.amazonaws.eu-west-1.s3", None),
        ("com.amazonaws.vpce.eu-west-1.vpce-svc-0123", None),
        ("com.amazonaws.eu-west-1.sagemaker.api.evil", None),
    ],
)
def test_sagemaker_service_names(name: str, service: str | None) -> None:
    assert sagemaker_service(name) == service


def test_input_quoted_in_an_error_cannot_break_its_line() -> None:
    # Found by tests/fuzz: a condition operator holding a newline.
    policy = {"Statement": [{"Effect": "Allow", "Action": "*", "Condition": {"\n": None}}]}
    with pytest.raises(PolicyDocumentError) as error:
        parse_policy(policy)
    assert str(error.value) == "statement 0 Condition \\x0a is not an object"
