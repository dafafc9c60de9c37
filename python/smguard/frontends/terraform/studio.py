"""``aws_sagemaker_domain`` and ``aws_sagemaker_user_profile``."""

from __future__ import annotations

from typing import cast

from smguard.frontends.terraform.index import PlanIndex
from smguard.frontends.terraform.network import meta, string, strings, vpc_network
from smguard.frontends.terraform.values import PlanResource
from smguard.frontends.value import State, Value, plain
from smguard.model import Domain, UserProfile

DOMAIN = "aws_sagemaker_domain"


def domain(resource: PlanResource, index: PlanIndex, location: str) -> Domain:
    access = string(resource, "app_network_access_type")
    network = vpc_network(resource, index)
    values = {
        "name": string(resource, "domain_name"),
        # Absent means PublicInternetOnly: Studio apps get SageMaker's own internet access.
        "app_network_access_type": Value(State.KNOWN, "PublicInternetOnly") if access.state is State.ABSENT else access,
        "vpc_id": network.vpc_id,
        "kms_key_id": string(resource, "kms_key_id"),
    }
    return cast(Domain, {"meta": meta(resource, location, values), **plain(values), "vpc_key": network.vpc_key})


def user_profile(resource: PlanResource, index: PlanIndex, location: str) -> UserProfile:
    domain_id = string(resource, "domain_id")
    if domain_id.known:
        domains = [d for d in index.of_type(DOMAIN) if d.after.get("id") == domain_id.value]
    else:
        domains = [r for r in index.referenced(resource, "domain_id") if r.type == DOMAIN]
    values = {
        "name": string(resource, "user_profile_name"),
        "security_groups": strings(resource, "user_settings", 0, "security_groups"),
    }
    return cast(
        UserProfile,
        {
            "meta": meta(resource, location, values),
            **plain(values, {"security_groups": []}),
            "domain": domains[0].address if len(domains) == 1 else None,
        },
    )
