"""Subnets and VPCs: where a resource's subnet is, and whether that is the default network.

A subnet is followed by value (a known subnet ID described elsewhere in the plan) or by
reference (the configuration names the subnet resource); its VPC the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from smguard.frontends.terraform.index import MalformedResourceError, PlanIndex
from smguard.frontends.terraform.values import ABSENT, UNKNOWN, PlanResource, State, Value
from smguard.model import Subnet

_SUBNET_TYPES = ("aws_subnet", "aws_default_subnet")
_VPC_TYPES = ("aws_vpc", "aws_default_vpc")


@dataclass(frozen=True)
class Placement:
    """Where a resource's subnet puts it."""

    subnet_id: Value
    vpc_id: Value
    default_network: Value


def string(resource: PlanResource, *path: str | int) -> Value:
    """A string attribute; any other type is a malformed resource. Empty counts as not set."""
    value = resource.attribute(*path)
    if value.known and not isinstance(value.value, str):
        raise MalformedResourceError(resource.address, f"{'.'.join(map(str, path))} is not a string")
    return ABSENT if value.known and value.value == "" else value


def placement(resource: PlanResource, index: PlanIndex, attribute: str = "subnet_id") -> Placement:
    """The subnet, VPC and default-network facts of ``resource.<attribute>``."""
    subnet_id = string(resource, attribute)
    if subnet_id.state is State.ABSENT:
        return Placement(ABSENT, ABSENT, ABSENT)
    subnets = _targets(resource, attribute, subnet_id, index, _SUBNET_TYPES)
    facts = {_subnet_network(s, index) for s in subnets}
    if len(facts) != 1:
        return Placement(subnet_id, UNKNOWN, UNKNOWN)
    vpc_id, default_network = facts.pop()
    return Placement(subnet_id, vpc_id, default_network)


def subnet_resource(resource: PlanResource, index: PlanIndex, location: str) -> Subnet:
    """A subnet of the plan (managed, default or data source) in canonical form."""
    vpc_id, default_network = _subnet_network(resource, index)
    subnet_id = string(resource, "id")
    if not subnet_id.known:
        subnet_id = UNKNOWN  # every subnet has an ID; it is only not known before apply
    values = {"subnet_id": subnet_id, "vpc_id": vpc_id, "default_network": default_network}
    return {
        "meta": {
            "id": resource.address,
            "source_type": resource.local_key.rsplit(".", 1)[0],
            "location": location,
            "unknown": sorted(k for k, v in values.items() if v.state is State.UNKNOWN),
        },
        "subnet_id": subnet_id.value,
        "vpc_id": vpc_id.value,
        "default_network": default_network.value,
    }


def _subnet_network(subnet: PlanResource, index: PlanIndex) -> tuple[Value, Value]:
    """(vpc_id, default_network) of a subnet resource."""
    vpc_id = string(subnet, "vpc_id")
    if subnet.type == "aws_default_subnet" or (subnet.mode == "data" and subnet.after.get("default_for_az") is True):
        return vpc_id, Value(State.KNOWN, True)
    vpcs = _targets(subnet, "vpc_id", vpc_id, index, _VPC_TYPES)
    defaults = {_vpc_is_default(v) for v in vpcs}
    if len(defaults) != 1:
        return vpc_id, UNKNOWN
    return vpc_id, defaults.pop()


def _vpc_is_default(vpc: PlanResource) -> Value:
    if vpc.type == "aws_default_vpc":
        return Value(State.KNOWN, True)
    if vpc.mode == "managed":
        return Value(State.KNOWN, False)  # aws_vpc never creates a default VPC
    flag = vpc.after.get("default")
    return Value(State.KNOWN, flag) if isinstance(flag, bool) else UNKNOWN


def _targets(
    resource: PlanResource, attribute: str, value: Value, index: PlanIndex, types: tuple[str, ...]
) -> list[PlanResource]:
    """The resources of ``types`` an attribute points at, by known ID or by reference."""
    if value.known:
        found = [index.with_id(t, value.value) for t in types]
        return [r for r in found if r is not None][:1]
    return [r for r in index.referenced(resource, attribute) if r.type in types]
