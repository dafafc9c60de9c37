"""Subnets and VPCs: where a resource is placed, and whether that is the default network.

A subnet is followed by value (a known subnet ID described elsewhere in the plan) or by
reference (the configuration names the subnet resource); its VPC the same way. A VPC that
is only known by reference gets the VPC resource's address as its ``vpc_key``, so resources
created together in one plan still join.
"""

from __future__ import annotations

from dataclasses import dataclass

from smguard.errors import MalformedResourceError
from smguard.frontends.terraform.index import PlanIndex
from smguard.frontends.terraform.values import PlanResource
from smguard.frontends.value import ABSENT, PENDING, UNKNOWN, State, Value
from smguard.frontends.value import meta as value_meta
from smguard.model import Meta, Subnet, Vpc

SUBNET_TYPES = ("aws_subnet", "aws_default_subnet")
VPC_TYPES = ("aws_vpc", "aws_default_vpc")
TRUE = Value(State.KNOWN, True)
FALSE = Value(State.KNOWN, False)


@dataclass(frozen=True)
class Network:
    """Where something is: its VPC, the key that VPC joins on, and whether it is the default network."""

    vpc_id: Value
    vpc_key: str | None
    default_network: Value


UNKNOWN_NETWORK = Network(UNKNOWN, None, UNKNOWN)


@dataclass(frozen=True)
class Placement:
    """Where a resource's subnet puts it."""

    subnet_id: Value
    network: Network


def string(resource: PlanResource, *path: str | int, setting: bool = False) -> Value:
    """A string attribute; any other type is a malformed resource. Empty counts as not set.

    ``setting`` marks an attribute the provider computes when it is not set (see PlanResource.setting).
    """
    value = resource.setting(*path) if setting else resource.attribute(*path)
    if value.known and not isinstance(value.value, str):
        raise MalformedResourceError(resource.address, f"{'.'.join(map(str, path))} is not a string")
    return ABSENT if value.known and value.value == "" else value


def boolean(resource: PlanResource, *path: str | int, default: bool) -> Value:
    """A boolean attribute, ``default`` when not set."""
    value = resource.attribute(*path)
    if value.state is State.ABSENT:
        return Value(State.KNOWN, default)
    if value.known and not isinstance(value.value, bool):
        raise MalformedResourceError(resource.address, f"{'.'.join(map(str, path))} is not a boolean")
    return value


def strings(resource: PlanResource, *path: str | int) -> Value:
    """A list of strings (sorted, empties dropped); an empty list counts as not set."""
    value = resource.attribute(*path)
    if not value.known:
        return value
    if not isinstance(value.value, list) or not all(isinstance(v, str) for v in value.value):
        raise MalformedResourceError(resource.address, f"{'.'.join(map(str, path))} is not a list of strings")
    items = sorted(v for v in value.value if v)
    return Value(State.KNOWN, items) if items else ABSENT


def meta(resource: PlanResource, location: str, values: dict[str, Value]) -> Meta:
    """Meta of a plan resource: its address, and its type (``data.`` prefixed for data sources)."""
    return value_meta(resource.address, resource.local_key.rsplit(".", 1)[0], location, values)


def placement(resource: PlanResource, index: PlanIndex) -> Placement:
    """The subnet and network of a resource with one ``subnet_id``."""
    return Placement(string(resource, "subnet_id"), subnets_network(resource, index, "subnet_id"))


def subnets_network(resource: PlanResource, index: PlanIndex, *path: str | int) -> Network:
    """The network of the subnet (or list of subnets) at ``path``; unknown unless all subnets agree."""
    value = resource.attribute(*path)
    if value.state is State.ABSENT or value.value in ("", []):
        return Network(ABSENT, None, ABSENT)
    if value.known:
        ids = value.value if isinstance(value.value, list) else [value.value]
        found = [s for i in ids if isinstance(i, str) for s in _with_id(index, SUBNET_TYPES, i)]
        if len(found) != len(ids):
            return UNKNOWN_NETWORK  # a subnet the input does not describe
    else:
        found = [r for r in index.referenced(resource, *path) if r.type in SUBNET_TYPES]
    networks = {subnet_network(s, index) for s in found}
    return networks.pop() if len(networks) == 1 else UNKNOWN_NETWORK


def _with_id(index: PlanIndex, types: tuple[str, ...], resource_id: str) -> list[PlanResource]:
    return [r for r in (index.with_id(t, resource_id) for t in types) if r is not None][:1]


def vpc_network(resource: PlanResource, index: PlanIndex, attribute: str = "vpc_id") -> Network:
    """The network of a resource that names its VPC directly (``vpc_id``)."""
    vpc_id = string(resource, attribute)
    vpcs = _targets(resource, attribute, vpc_id, index, VPC_TYPES)
    if len(vpcs) == 1:
        return _vpc_facts(vpcs[0], vpc_id)
    return Network(vpc_id, vpc_id.value if vpc_id.known else None, UNKNOWN)


def subnet_network(subnet: PlanResource, index: PlanIndex) -> Network:
    """The network of a subnet resource."""
    network = index.subnet_networks.get(subnet.address)
    if network is None:
        network = index.subnet_networks[subnet.address] = _subnet_network(subnet, index)
    return network


def _subnet_network(subnet: PlanResource, index: PlanIndex) -> Network:
    network = vpc_network(subnet, index)
    if subnet.type == "aws_default_subnet" or (subnet.mode == "data" and subnet.after.get("default_for_az") is True):
        return Network(network.vpc_id, network.vpc_key, TRUE)
    return network


def _vpc_facts(vpc: PlanResource, vpc_id: Value) -> Network:
    own_id = string(vpc, "id")
    if not vpc_id.known and own_id.known:
        vpc_id = own_id
    key = vpc_id.value if vpc_id.known else vpc.address
    return Network(vpc_id, key, _vpc_is_default(vpc))


def _vpc_is_default(vpc: PlanResource) -> Value:
    if vpc.type == "aws_default_vpc":
        return TRUE
    if vpc.mode == "managed":
        return FALSE  # aws_vpc never creates a default VPC
    flag = vpc.after.get("default")
    return Value(State.KNOWN, flag) if isinstance(flag, bool) else UNKNOWN


def _targets(
    resource: PlanResource, attribute: str, value: Value, index: PlanIndex, types: tuple[str, ...]
) -> list[PlanResource]:
    """The resources of ``types`` an attribute points at, by known ID or by reference."""
    if value.known:
        return _with_id(index, types, value.value)
    return [r for r in index.referenced(resource, attribute) if r.type in types]


def subnet_resource(resource: PlanResource, index: PlanIndex, location: str) -> Subnet:
    """A subnet of the plan (managed, default or data source) in canonical form."""
    network = subnet_network(resource, index)
    subnet_id = string(resource, "id")
    if not subnet_id.known:
        subnet_id = PENDING  # every subnet has an ID; it is only not known before apply
    values = {"subnet_id": subnet_id, "vpc_id": network.vpc_id, "default_network": network.default_network}
    return {
        "meta": meta(resource, location, values),
        "subnet_id": subnet_id.value,
        "vpc_id": network.vpc_id.value,
        "vpc_key": network.vpc_key,
        "default_network": network.default_network.value,
    }


def vpc_resource(resource: PlanResource, _index: PlanIndex, location: str) -> Vpc:
    """A VPC of the plan. Its endpoints are taken to be in the plan when the plan manages it."""
    network = _vpc_facts(resource, ABSENT)
    vpc_id = network.vpc_id if network.vpc_id.known else PENDING
    values = {"vpc_id": vpc_id, "default": network.default_network}
    return {
        "meta": meta(resource, location, values),
        "vpc_id": vpc_id.value,
        "vpc_key": network.vpc_key or resource.address,
        "default": network.default_network.value,
        "endpoints_known": resource.mode == "managed",
    }
