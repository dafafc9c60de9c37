"""Hypothesis strategies for what smguard reads: plans, snapshots, policies and API requests,
realistic in shape with odd or wrong values anywhere, and plain JSON of every kind."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**63), 2**63), st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20), st.sampled_from(["Enabled", "Disabled", "*", "${var.x}", "", "true", "subnet-1"]),
)  # fmt: skip
json_values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)  # fmt: skip


def odd(good: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly the realistic value, one time in eight anything at all."""
    return st.integers(0, 7).flatmap(lambda n: json_values if n == 0 else good)


_POLICY_KEYS = ["aws:SourceIp", "aws:SourceVpce", "aws:SourceVpc", "aws:PrincipalOrgID", "sagemaker:VpcSubnets"]
conditions = st.dictionaries(
    st.sampled_from(["IpAddress", "NotIpAddress", "StringEquals", "StringNotEqualsIfExists", "ForAnyValue:StringLike",
                     "Null", "Bool", "ArnLike", "Weird"]),
    st.dictionaries(st.sampled_from(_POLICY_KEYS), odd(st.lists(st.sampled_from(["0.0.0.0/0", "10.0.0.0/8",
                                                                             "vpce-1", "o-1", "true"])))),
    max_size=3,
)  # fmt: skip
statements = st.fixed_dictionaries(
    {"Effect": odd(st.sampled_from(["Allow", "Deny"])),
     "Action": odd(st.sampled_from(["*", "sagemaker:*", "sagemaker:CreatePresignedNotebookInstanceUrl"]))},
    optional={"Resource": odd(st.just("*")), "Condition": odd(conditions), "NotAction": odd(st.just("s3:*")),
              "Principal": odd(st.sampled_from(["*", {"AWS": "*"}, {"AWS": "arn:aws:iam::1:root"}])),
              "Sid": odd(st.text(max_size=8))},
)  # fmt: skip
policies = st.fixed_dictionaries({"Version": st.just("2012-10-17"), "Statement": odd(st.lists(statements, max_size=4))})

_NOTEBOOK = {
    "name": st.text(max_size=8), "direct_internet_access": st.sampled_from(["Enabled", "Disabled"]),
    "root_access": st.sampled_from(["Enabled", "Disabled"]), "subnet_id": st.sampled_from(["subnet-1", None]),
    "security_groups": st.lists(st.just("sg-1"), max_size=2), "kms_key_id": st.sampled_from(["arn:k", None]),
}  # fmt: skip
_JOB = {
    "vpc_config": st.lists(st.fixed_dictionaries({"subnets": odd(st.lists(st.just("subnet-1"))),
                                                   "security_group_ids": odd(st.lists(st.just("sg-1")))}), max_size=1),
    "enable_network_isolation": st.booleans(),
}  # fmt: skip
_TYPES: dict[str, dict[str, st.SearchStrategy[Any]]] = {
    "aws_sagemaker_notebook_instance": _NOTEBOOK,
    "aws_sagemaker_model": {"enable_network_isolation": st.booleans(), **_JOB},
    "aws_sagemaker_endpoint_configuration": {
        "kms_key_arn": st.sampled_from(["arn:k", None]),
        "production_variants": st.lists(st.fixed_dictionaries({"model_name": st.just("m"),
                                                                 "enable_ssm_access": st.booleans()}), max_size=2),
    },
    "aws_iam_policy": {"policy": policies.map(lambda p: __import__("json").dumps(p))},
    "aws_vpc_endpoint": {"service_name": st.just("com.amazonaws.eu-west-1.sagemaker.api"),
                         "vpc_endpoint_type": st.sampled_from(["Interface", "Gateway"]),
                         "private_dns_enabled": st.booleans(), "vpc_id": st.just("vpc-1")},
    "aws_sagemaker_pipeline": {"pipeline_definition": odd(st.just('{"Steps": [{"Name": "T", "Type": "Training", '
                                                                  '"Arguments": {}}]}'))},
}  # fmt: skip


@st.composite
def resource_changes(draw: st.DrawFn) -> Any:
    kind = draw(st.sampled_from(sorted(_TYPES)))
    after = draw(st.fixed_dictionaries({k: odd(v) for k, v in _TYPES[kind].items()}))
    name = draw(st.text(alphabet="abc", min_size=1, max_size=3))
    entry = {
        "address": draw(odd(st.just(f"{kind}.{name}"))), "mode": "managed", "type": kind, "name": name,
        "change": {"actions": draw(odd(st.just(["create"]))), "before": None, "after": draw(odd(st.just(after))),
                   "after_unknown": draw(odd(st.dictionaries(st.sampled_from(sorted(after) or ["x"]), st.just(True)))),
                   "after_sensitive": draw(odd(st.just({})))},
    }  # fmt: skip
    return draw(odd(st.just(entry)))


plans = st.fixed_dictionaries(
    {"format_version": odd(st.sampled_from(["1.2", "0.1", "2.0"])),
     "resource_changes": odd(st.lists(resource_changes(), max_size=5))},
    optional={"configuration": odd(st.just({"root_module": {}})), "prior_state": odd(st.just({})),
              "variables": odd(st.just({"region": {"value": "eu-west-1"}}))},
)  # fmt: skip

_APIS = ["sagemaker.DescribeNotebookInstance", "sagemaker.DescribeTrainingJob", "sagemaker.DescribeModel",
         "sagemaker.DescribeEndpointConfig", "sagemaker.DescribeDomain", "ec2.DescribeSubnets", "ec2.DescribeVpcs",
         "ec2.DescribeVpcEndpoints"]  # fmt: skip
_RESPONSE = st.dictionaries(
    st.sampled_from(["NotebookInstanceArn", "TrainingJobArn", "ModelArn", "EndpointConfigArn", "DomainArn",
                     "DirectInternetAccess", "SubnetId", "SecurityGroups", "VpcConfig", "ProductionVariants",
                     "Subnets", "Vpcs", "VpcEndpoints", "AppNetworkAccessType", "EnableNetworkIsolation"]),
    json_values, max_size=6,
)  # fmt: skip
snapshots = st.fixed_dictionaries(
    {"smguard_snapshot": st.just(1),
     "accounts": odd(st.dictionaries(st.just("111122223333"), odd(st.fixed_dictionaries({
         "regions": odd(st.dictionaries(st.just("eu-west-1"), odd(st.fixed_dictionaries({
             "calls": odd(st.dictionaries(st.sampled_from(_APIS), odd(st.one_of(
                 st.dictionaries(st.text(max_size=4), odd(_RESPONSE), max_size=2),
                 st.lists(odd(_RESPONSE), max_size=2)))))})))),
         "global": odd(st.just({"calls": {}}))}))))},
    optional={"failures": odd(st.lists(json_values, max_size=2))},
)  # fmt: skip
