"""``aws_vpc_endpoint`` (+ ``aws_vpc_endpoint_policy``) -> canonical VPC endpoint.

A separate ``aws_vpc_endpoint_policy`` overrides the endpoint's inline policy. The provider
marks ``policy`` as computed, so an unconfigured policy shows as unknown in a plan; it is
AWS's full-access default all the same.
"""

from __future__ import annotations

from smguard.frontends.services import sagemaker_service
from smguard.frontends.terraform.iam import policy_statements
from smguard.frontends.terraform.index import PlanIndex
from smguard.frontends.terraform.network import boolean, meta, string, vpc_network
from smguard.frontends.terraform.values import PlanResource
from smguard.frontends.value import ABSENT, State, Value
from smguard.model import VpcEndpoint


def vpc_endpoint(resource: PlanResource, index: PlanIndex, location: str) -> VpcEndpoint:
    service_name = string(resource, "service_name")
    endpoint_type = string(resource, "vpc_endpoint_type")
    if endpoint_type.state is State.ABSENT:
        endpoint_type = Value(State.KNOWN, "Gateway")  # the provider's default
    network = vpc_network(resource, index)
    values = {
        "service_name": service_name,
        "endpoint_type": endpoint_type,
        "vpc_id": network.vpc_id,
        "private_dns_enabled": boolean(resource, "private_dns_enabled", default=False),
        "policy": _policy(resource, index),
    }
    return {
        "meta": meta(resource, location, values),
        "service_name": service_name.value,
        "sagemaker_service": sagemaker_service(service_name.value) if service_name.known else None,
        "endpoint_type": endpoint_type.value,
        "vpc_id": network.vpc_id.value,
        "vpc_key": network.vpc_key,
        "private_dns_enabled": values["private_dns_enabled"].value,
        "policy": values["policy"].value,
    }


def _policy(endpoint: PlanResource, index: PlanIndex) -> Value:
    overrides = index.referencing(endpoint, "aws_vpc_endpoint_policy", "vpc_endpoint_id")
    if len(overrides) == 1:
        return policy_statements(overrides[0], index, "policy")
    if endpoint.expressions is not None and "policy" not in endpoint.expressions:
        return ABSENT  # not configured: the AWS default, whatever the plan shows for the computed value
    return policy_statements(endpoint, index, "policy")
