"""Collect the SageMaker, EC2, IAM and Organizations responses smguard judges, per account and region.

Paginators everywhere at their maximum page size, a bounded thread pool for the per-resource
Describe calls, botocore's adaptive retries and a client-side rate limit per API. A call that
fails for good (AccessDenied, a disabled region, throttling that outlasts the retries, expired
credentials) is recorded in the snapshot's ``failures`` and collection goes on: the frontend
turns each failure into an error finding, never into a clean result.
"""

from __future__ import annotations

import contextlib
import datetime
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError, NoCredentialsError, NoRegionError
from botocore.parsers import ResponseParserError

from smguard import __version__
from smguard.collect.ratelimit import RateLimiter
from smguard.errors import ApiShapeError, SetupError
from smguard.frontends import script_secrets
from smguard.progress import Progress

SNAPSHOT_FORMAT = 1
# Values that are secrets more often than not; their keys are kept, the values are not.
REDACTED_FIELDS = frozenset({"Environment", "HyperParameters"})
REDACTED = "(redacted by smguard)"

# (list operation, its result key, the name key in each summary, describe operation, its name parameter)
_SAGEMAKER: tuple[tuple[str, str, str, str, str], ...] = (
    ("list_notebook_instances", "NotebookInstances", "NotebookInstanceName", "describe_notebook_instance",
     "NotebookInstanceName"),
    ("list_notebook_instance_lifecycle_configs", "NotebookInstanceLifecycleConfigs",
     "NotebookInstanceLifecycleConfigName", "describe_notebook_instance_lifecycle_config",
     "NotebookInstanceLifecycleConfigName"),
    ("list_training_jobs", "TrainingJobSummaries", "TrainingJobName", "describe_training_job", "TrainingJobName"),
    ("list_hyper_parameter_tuning_jobs", "HyperParameterTuningJobSummaries", "HyperParameterTuningJobName",
     "describe_hyper_parameter_tuning_job", "HyperParameterTuningJobName"),
    ("list_processing_jobs", "ProcessingJobSummaries", "ProcessingJobName", "describe_processing_job",
     "ProcessingJobName"),
    # DescribeAutoMLJobV2 describes the jobs of CreateAutoMLJob too.
    ("list_auto_ml_jobs", "AutoMLJobSummaries", "AutoMLJobName", "describe_auto_ml_job_v2", "AutoMLJobName"),
    ("list_models", "Models", "ModelName", "describe_model", "ModelName"),
    ("list_endpoint_configs", "EndpointConfigs", "EndpointConfigName", "describe_endpoint_config",
     "EndpointConfigName"),
    ("list_endpoints", "Endpoints", "EndpointName", "describe_endpoint", "EndpointName"),
    ("list_domains", "Domains", "DomainId", "describe_domain", "DomainId"),
    *((f"list_{kind}_job_definitions", "JobDefinitionSummaries", "MonitoringJobDefinitionName",
       f"describe_{kind}_job_definition", "JobDefinitionName")
      for kind in ("data_quality", "model_quality", "model_bias", "model_explainability")),
    ("list_monitoring_schedules", "MonitoringScheduleSummaries", "MonitoringScheduleName",
     "describe_monitoring_schedule", "MonitoringScheduleName"),
    ("list_feature_groups", "FeatureGroupSummaries", "FeatureGroupName", "describe_feature_group", "FeatureGroupName"),
    ("list_flow_definitions", "FlowDefinitionSummaries", "FlowDefinitionName", "describe_flow_definition",
     "FlowDefinitionName"),
)  # fmt: skip
_JOBS_SINCE = {"list_training_jobs", "list_hyper_parameter_tuning_jobs", "list_processing_jobs", "list_auto_ml_jobs"}
_GROUP_STEPS = 1  # ListModelPackageGroups, then each group's GetModelPackageGroupPolicy
_EC2_STEPS = 3  # DescribeVpcEndpoints, DescribeSubnets, DescribeVpcs
_ACCOUNT_STEPS = 2  # IAM authorization details, the organization's SCPs
_REGION_STEPS = len(_SAGEMAKER) + _GROUP_STEPS + _EC2_STEPS


@dataclass
class Options:
    regions: list[str]
    since_days: int = 30
    workers: int = 8
    rate: float = 20.0  # calls per second per API and region
    max_attempts: int = 5
    """Attempts per call (the first and its retries), as botocore counts them."""
    timeout: float | None = None
    """Seconds for the whole collection; calls not started by then are failures, never skipped."""
    progress: Progress | None = None
    """Told ``(steps done, steps in all, what is being read)`` as collection goes on."""


class _DeadlineReachedError(Exception):
    """The collection's --timeout ran out before a call could start."""


@dataclass
class _Run:
    options: Options
    limiter: RateLimiter
    failures: list[dict[str, str]] = field(default_factory=list)
    calls: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    deadline: float | None = None
    steps: int = 0
    total_steps: int = 0

    def record_call(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise _DeadlineReachedError(f"the scan's --timeout of {self.options.timeout:g} s ran out before this call")
        with self.lock:
            self.calls += 1

    def step(self, label: str) -> None:
        """One list, describe round or account-wide read is about to start."""
        self.steps += 1
        if self.options.progress is not None:
            self.options.progress(self.steps, self.total_steps, label)

    def fail(self, account: str, region: str, api: str, exc: Exception) -> None:
        if isinstance(exc, ClientError):
            code = exc.response.get("Error", {}).get("Code", "Error")
        else:
            code = "Timeout" if isinstance(exc, _DeadlineReachedError) else type(exc).__name__
        message = str(exc).splitlines()[0][:300]
        with self.lock:
            self.failures.append({"account": account, "region": region, "api": api, "code": code, "message": message})


def _config(options: Options) -> Config:
    # A dead endpoint must not hold a call for botocore's 60 s per attempt when the scan has less.
    wait = min(60.0, options.timeout) if options.timeout else 60.0
    return Config(
        retries={"mode": "adaptive", "total_max_attempts": options.max_attempts},  # retries included
        max_pool_connections=options.workers + 2,
        user_agent_extra=f"smguard/{__version__}",
        connect_timeout=min(10.0, wait),
        read_timeout=wait,
    )


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: REDACTED if k in REDACTED_FIELDS and isinstance(v, dict) and v else _jsonable(v)
                for k, v in value.items() if k != "ResponseMetadata"}  # fmt: skip
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return value


def _call(run: _Run, client: Any, service: str, api: str, **kwargs: Any) -> Any:
    run.record_call()
    run.limiter.wait(f"{client.meta.region_name}/{service}.{api}")
    return _jsonable(getattr(client, api)(**kwargs))


def _pages(run: _Run, client: Any, service: str, api: str, **kwargs: Any) -> list[Any]:
    paginator = client.get_paginator(api)
    pages = []
    run.record_call()  # the first page's request is sent as the loop starts
    for n, page in enumerate(paginator.paginate(**kwargs, PaginationConfig={"PageSize": _page_size(client, api)})):
        if n:
            run.record_call()
        run.limiter.wait(f"{client.meta.region_name}/{service}.{api}")
        pages.append(_jsonable(page))
    return pages


def _page_size(client: Any, api: str) -> int | None:
    shape = client.meta.service_model.operation_model(client.meta.method_to_api_mapping[api]).input_shape
    for name in ("MaxResults", "MaxItems"):
        if shape is not None and name in shape.members:
            return int(shape.members[name].metadata.get("max", 100))
    return None


def _guarded(run: _Run, account: str, region: str, api: str, action: Callable[..., Any], *args: Any,
             **kwargs: Any) -> Any:  # fmt: skip
    """``action(*args, **kwargs)``, or None with the failure recorded."""
    try:
        return action(*args, **kwargs)
    except (ClientError, BotoCoreError, ResponseParserError, _DeadlineReachedError) as exc:
        # ResponseParserError: an endpoint (or a proxy before it) answered what is not AWS's format.
        run.fail(account, region, api, exc)
        return None


def _sagemaker(run: _Run, session: Any, account: str, region: str, pool: ThreadPoolExecutor) -> dict[str, Any]:
    client = session.client("sagemaker", region_name=region, config=_config(run.options))
    since = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=run.options.since_days)
    calls: dict[str, Any] = {}
    for list_api, key, name_key, describe_api, parameter in _SAGEMAKER:
        kwargs = {"CreationTimeAfter": since} if list_api in _JOBS_SINCE else {}
        api = f"sagemaker.{_operation(client, list_api)}"
        run.step(f"{account} {region} {api}")
        pages = _guarded(run, account, region, api, _pages, run, client, "sagemaker", list_api, **kwargs)
        if pages is None:
            continue
        calls[api] = pages
        names = [item[name_key] for page in pages for item in page.get(key, [])]
        calls[f"sagemaker.{_operation(client, describe_api)}"] = _describe_all(
            run, pool, account, region, client, describe_api, parameter, names
        )
    calls.update(_model_package_groups(run, pool, account, region, client))
    return calls


def _no_policy(exc: ClientError) -> bool:
    """SageMaker's answer for a group without a resource policy. AWS documents no error for it;
    this is the one the Terraform provider's finder treats as "no policy"
    (hashicorp/terraform-provider-aws, internal/service/sagemaker/model_package_group_policy.go)."""
    error = exc.response.get("Error", {})
    return error.get("Code") == "ValidationException" and "Cannot find resource policy" in error.get("Message", "")


def _model_package_groups(run: _Run, pool: ThreadPoolExecutor, account: str, region: str,
                          client: Any) -> dict[str, Any]:  # fmt: skip
    """The groups and each one's resource policy: ``{"ResourcePolicy": None}`` for a group
    without one; any other error (a group deleted meanwhile included) is a failure."""
    api = "sagemaker.ListModelPackageGroups"
    run.step(f"{account} {region} {api}")
    pages = _guarded(run, account, region, api, _pages, run, client, "sagemaker", "list_model_package_groups")
    if pages is None:
        return {}
    names = [group["ModelPackageGroupName"] for page in pages for group in page.get("ModelPackageGroupSummaryList", [])]

    def policy(name: str) -> tuple[str, Any]:
        try:
            return name, _call(run, client, "sagemaker", "get_model_package_group_policy", ModelPackageGroupName=name)
        except (ClientError, BotoCoreError, ResponseParserError, _DeadlineReachedError) as exc:
            if isinstance(exc, ClientError) and _no_policy(exc):
                return name, {"ResourcePolicy": None}
            run.fail(account, region, f"sagemaker.GetModelPackageGroupPolicy({name})", exc)
            return name, None

    found = {name: response for name, response in pool.map(policy, names) if response is not None}
    return {api: pages, "sagemaker.GetModelPackageGroupPolicy": found}


def _describe_all(run: _Run, pool: ThreadPoolExecutor, account: str, region: str, client: Any, api: str,
                  parameter: str, names: Iterable[str]) -> dict[str, Any]:  # fmt: skip
    full = f"sagemaker.{_operation(client, api)}"

    def describe(name: str) -> tuple[str, Any]:
        return name, _guarded(run, account, region, f"{full}({name})", _call, run, client, "sagemaker", api,
                              **{parameter: name})  # fmt: skip

    found = {name: response for name, response in pool.map(describe, names) if response is not None}
    if api == "describe_notebook_instance_lifecycle_config":
        found = {name: scripts_scanned(response) for name, response in found.items()}
    return found


def scripts_scanned(response: dict[str, Any]) -> dict[str, Any]:
    """A lifecycle configuration with each script replaced by the secrets found in it (kinds and
    lines), so a snapshot file never holds a script's secrets; a script that cannot be read is kept
    out all the same, and is an error when the snapshot is judged."""
    out = dict(response)
    for key in ("OnCreate", "OnStart"):
        hooks = response.get(key)
        if not isinstance(hooks, list):
            continue
        out[key] = [_scanned(key, hook) for hook in hooks]
    return out


def _scanned(key: str, hook: Any) -> Any:
    if not isinstance(hook, dict) or not isinstance(hook.get("Content"), str):
        return hook
    try:
        found = script_secrets.found_in(key, hook["Content"])
    except ApiShapeError as exc:
        return {"ContentUnreadable": str(exc)}
    return {"ContentSecrets": [{"line": s["line"], "kind": s["kind"]} for s in found]}


def _ec2(run: _Run, session: Any, account: str, region: str, sagemaker: dict[str, Any]) -> dict[str, Any]:
    client = session.client("ec2", region_name=region, config=_config(run.options))
    calls: dict[str, Any] = {}
    run.step(f"{account} {region} ec2.DescribeVpcEndpoints")
    endpoints = _guarded(run, account, region, "ec2.DescribeVpcEndpoints", _pages, run, client, "ec2",
                         "describe_vpc_endpoints")  # fmt: skip
    if endpoints is not None:
        calls["ec2.DescribeVpcEndpoints"] = endpoints
    subnets = sorted(_referenced(sagemaker, "SubnetId", "Subnets", "SubnetIds"))
    run.step(f"{account} {region} ec2.DescribeSubnets")
    if subnets:
        found = _guarded(run, account, region, "ec2.DescribeSubnets", _by_ids, run, client, "describe_subnets",
                         "subnet-id", subnets)  # fmt: skip
        if found is not None:
            calls["ec2.DescribeSubnets"] = found
    vpcs = sorted({s["VpcId"] for page in calls.get("ec2.DescribeSubnets", []) for s in page.get("Subnets", [])}
                  | {e["VpcId"] for page in endpoints or [] for e in page.get("VpcEndpoints", [])}
                  | _referenced(sagemaker, "VpcId"))  # fmt: skip
    run.step(f"{account} {region} ec2.DescribeVpcs")
    if vpcs:
        found = _guarded(run, account, region, "ec2.DescribeVpcs", _by_ids, run, client, "describe_vpcs", "vpc-id",
                         vpcs)  # fmt: skip
        if found is not None:
            calls["ec2.DescribeVpcs"] = found
    return calls


def _by_ids(run: _Run, client: Any, api: str, name: str, ids: list[str]) -> list[Any]:
    """EC2 Describe* pages for ``ids``, through a filter (at most 200 values each) rather than the
    ID parameter: an ID that no longer exists (a job's deleted subnet) is skipped, not an error."""
    chunks = [ids[i : i + 200] for i in range(0, len(ids), 200)]
    return [
        page for chunk in chunks for page in _pages(run, client, "ec2", api, Filters=[{"Name": name, "Values": chunk}])
    ]


def _referenced(value: Any, *keys: str) -> set[str]:
    """Every string (or list of strings) under one of ``keys`` anywhere in the responses."""
    found: set[str] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, inner in item.items():
                if key in keys and isinstance(inner, str):
                    found.add(inner)
                elif key in keys and isinstance(inner, list):
                    found.update(v for v in inner if isinstance(v, str))
                else:
                    stack.append(inner)
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _account_wide(run: _Run, session: Any, account: str) -> dict[str, Any]:
    calls: dict[str, Any] = {}
    iam = session.client("iam", config=_config(run.options))
    kinds = ["User", "Role", "Group", "LocalManagedPolicy"]
    run.step(f"{account} iam.GetAccountAuthorizationDetails")
    details = _guarded(run, account, "global", "iam.GetAccountAuthorizationDetails", _pages, run, iam, "iam",
                       "get_account_authorization_details", Filter=kinds)  # fmt: skip
    if details is not None:
        calls["iam.GetAccountAuthorizationDetails"] = details
    organizations = session.client("organizations", config=_config(run.options))
    run.step(f"{account} organizations (SCPs in effect)")
    try:  # SCPs are readable only from the management account or a delegated administrator
        calls.update(_scps_in_effect(run, organizations, account))
    except (ClientError, BotoCoreError, ResponseParserError, _DeadlineReachedError) as exc:
        # Not a failure of the scan (most accounts cannot read them), but the reason SM306 cannot judge.
        calls["organizations.unreadable"] = str(exc).splitlines()[0][:300]
    return calls


def _scps_in_effect(run: _Run, organizations: Any, account: str) -> dict[str, Any]:
    """The SCPs that restrict ``account``: those attached to it, to each OU above it and to the
    root. None restricts the organization's management account."""
    organization = _call(run, organizations, "organizations", "describe_organization")["Organization"]
    if organization.get("MasterAccountId") == account:
        return {"organizations.DescribePolicy": {}, "organizations.ManagementAccount": True}
    targets, child = [account], account
    while True:  # an account has one parent, up to the root (at most five OU levels)
        pages = _pages(run, organizations, "organizations", "list_parents", ChildId=child)
        parents = [p for page in pages for p in page.get("Parents", [])]
        if not parents:
            break
        child = parents[0]["Id"]
        targets.append(child)
        if parents[0].get("Type") == "ROOT":
            break
    ids = sorted({policy["Id"] for target in targets
                  for page in _pages(run, organizations, "organizations", "list_policies_for_target",
                                     TargetId=target, Filter="SERVICE_CONTROL_POLICY")
                  for policy in page.get("Policies", [])})  # fmt: skip
    described = {i: _call(run, organizations, "organizations", "describe_policy", PolicyId=i) for i in ids}
    return {"organizations.DescribePolicy": described, "organizations.ManagementAccount": False}


def _operation(client: Any, method: str) -> str:
    """The API's name for a client method (``describe_auto_ml_job_v2`` -> ``DescribeAutoMLJobV2``)."""
    return str(client.meta.method_to_api_mapping[method])


def collect(sessions: dict[str, Any], options: Options) -> dict[str, Any]:
    """The snapshot of every (account, region); ``sessions`` maps account IDs to boto3 sessions."""
    run = _Run(options, RateLimiter(options.rate))
    if options.timeout:
        run.deadline = time.monotonic() + options.timeout
    run.total_steps = len(sessions) * (len(options.regions) * _REGION_STEPS + _ACCOUNT_STEPS)
    accounts: dict[str, Any] = {}
    with ThreadPoolExecutor(max_workers=options.workers) as pool:
        for account, session in sessions.items():
            regions: dict[str, Any] = {}
            for region in options.regions:
                sagemaker = _sagemaker(run, session, account, region, pool)
                regions[region] = {"calls": {**sagemaker, **_ec2(run, session, account, region, sagemaker)}}
            accounts[account] = {"global": {"calls": _account_wide(run, session, account)}, "regions": regions}
    now = datetime.datetime.now(datetime.UTC)
    return {
        "smguard_snapshot": SNAPSHOT_FORMAT,
        "tool": {"name": "smguard", "version": __version__},
        "collected_at": now.isoformat(),
        "since": (now - datetime.timedelta(days=options.since_days)).isoformat(),
        "regions": list(options.regions),
        "accounts": accounts,
        "failures": run.failures,
        "stats": {"api_calls": run.calls},
    }


@contextlib.contextmanager
def _setting_up(step: str) -> Iterator[None]:
    """Expected failures of the set-up (credentials, region, profile, role, organization) as SetupError."""
    try:
        yield
    except NoCredentialsError:
        raise SetupError(f"{step}: no AWS credentials found; configure a profile (--profile) or set "
                         "AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY") from None  # fmt: skip
    except NoRegionError:
        raise SetupError(f"{step}: no AWS region; pass --region or set AWS_DEFAULT_REGION") from None
    except ClientError as exc:
        error = exc.response.get("Error", {})
        raise SetupError(f"{step}: {error.get('Code', 'Error')}: {error.get('Message', '')}") from None
    except BotoCoreError as exc:
        raise SetupError(f"{step}: {exc}") from None


def account_of(session: Any, options: Options) -> str:
    with _setting_up("cannot tell which account the credentials belong to (sts GetCallerIdentity)"):
        sts = session.client("sts", config=_config(options))
        return str(sts.get_caller_identity()["Account"])


def sessions_for(profile: str | None, role_arns: list[str], options: Options,
                 organization_role: str | None = None) -> dict[str, Any]:  # fmt: skip
    """The caller's account, or each role's account (assumed from the caller's credentials); with
    ``organization_role``, that role in every active account of the caller's organization."""
    with _setting_up(f"cannot use the AWS profile {profile!r}" if profile else "cannot start an AWS session"):
        base = boto3.Session(profile_name=profile)
    if organization_role:
        with _setting_up("cannot list the organization's accounts (organizations ListAccounts)"):
            organizations = base.client("organizations", config=_config(options))
            accounts = [a["Id"] for page in organizations.get_paginator("list_accounts").paginate()
                        for a in page["Accounts"] if a.get("Status") == "ACTIVE"]  # fmt: skip
        role_arns = [*role_arns, *(f"arn:aws:iam::{a}:role/{organization_role}" for a in accounts)]
    if not role_arns:
        return {account_of(base, options): base}
    sessions = {}
    for arn in role_arns:
        with _setting_up(f"cannot assume {arn}"):
            sts = base.client("sts", config=_config(options))
            credentials = sts.assume_role(RoleArn=arn, RoleSessionName="smguard")["Credentials"]
        assumed = boto3.Session(
            aws_access_key_id=credentials["AccessKeyId"], aws_secret_access_key=credentials["SecretAccessKey"],
            aws_session_token=credentials["SessionToken"],
        )  # fmt: skip
        sessions[account_of(assumed, options)] = assumed
    return sessions


def enabled_regions(session: Any, options: Options) -> list[str]:
    """The regions enabled in the account (opt-in regions only when opted in)."""
    with _setting_up("cannot list the account's regions (ec2 DescribeRegions)"):
        ec2 = session.client("ec2", region_name=session.region_name or "us-east-1", config=_config(options))
        return sorted(r["RegionName"] for r in ec2.describe_regions()["Regions"])
