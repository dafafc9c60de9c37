"""The ``smguard`` command: parse arguments, call the library, print. Exit 0 clean, 1 findings, 2 bad input."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from smguard import __version__, catalog, checkov_checks, extras, webhook
from smguard.bundle import Signing, build_bundle
from smguard.config import DEFAULT_NAME, policy_folders, read_config, validate_config
from smguard.engine import Evaluation
from smguard.engine.binaries import find_tool
from smguard.engine.local import ENGINES, evaluate
from smguard.errors import InputError
from smguard.findings import Finding, failing_statuses
from smguard.frontends.detect import convert
from smguard.guardrails import GuardrailSettings, guardrail_policy, policy_text, sdk_defaults
from smguard.heap import collector_paused
from smguard.inputs import Loaded, load, read
from smguard.jsonio import decode_text
from smguard.model import Document, judged_resources
from smguard.paths import policies_dir
from smguard.report import FORMATS
from smguard.report.scan import ScanResult
from smguard.report.source_map import SourceBlock
from smguard.serve import DEFAULT_ADDR, DEFAULT_MAX_BODY, ServeOptions, serve

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, f"smguard: {message} (see smguard --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="smguard", description="Policy-as-code for AWS SageMaker security.")
    parser.add_argument("--version", action="version", version=f"smguard {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    scan = commands.add_parser("scan", help="evaluate inputs against the rules")
    scan.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="a Terraform plan JSON, CloudFormation template, CDK cloud assembly, Kubernetes manifest, snapshot, "
        "document or a folder of them; - reads standard input",
    )
    scan.add_argument("--aws", action="store_true", help="collect from the live AWS account(s) and scan that")
    _parameters_option(scan)
    _live_options(scan)
    scan.add_argument("--format", choices=sorted(FORMATS), default="text")
    scan.add_argument(
        "--config", type=Path, help=f"smguard config YAML (default: {DEFAULT_NAME} in the working directory)"
    )
    scan.add_argument("-o", "--output", type=Path, help="write the report here instead of stdout")
    scan.add_argument("--opa-url", metavar="URL", help="evaluate through a running smguard sidecar instead of opa eval")
    scan.add_argument("--opa-token", metavar="TOKEN",
                      help="the sidecar's token (default: $SMGUARD_OPA_TOKEN or $SMGUARD_OPA_TOKEN_FILE)")  # fmt: skip
    scan.add_argument("--engine", choices=ENGINES, default="auto",
                      help="embedded (in process), opa (opa eval), or auto: embedded unless --policy or "
                           "SMGUARD_POLICIES needs opa")  # fmt: skip
    scan.add_argument("--fail-on", metavar="STATUSES",
                      help="comma-separated statuses that fail the scan (exit 1): fail and error always do; "
                           "add unknown for strict CI (default: the config's scan.fail_on)")  # fmt: skip
    _framework_option(
        scan,
        "judge only the rules mapped to a control of this compliance framework " "(read errors are always reported)",
    )
    scan.add_argument("--strict-waivers", action="store_true",
                      help="a waiver that matches no finding is an error (exit 1), not a warning")  # fmt: skip
    scan.add_argument("--source-root", type=Path, metavar="DIR",
                      help="the plan's Terraform source: SARIF points at each resource's block")  # fmt: skip
    _policy_option(scan)

    snap = commands.add_parser("snapshot", help="collect the live AWS responses smguard judges into a file")
    snap.add_argument("-o", "--output", type=Path, required=True)
    _live_options(snap)

    _server_commands(commands)

    conv = commands.add_parser("convert", help="write the canonical input document OPA evaluates")
    conv.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    conv.add_argument("-o", "--output", type=Path, required=True)
    _parameters_option(conv)

    guard = commands.add_parser("guardrails", help="generate a deny policy (SCP/IAM) and SageMaker SDK defaults")
    guard.add_argument("--subnets", nargs="+", required=True, metavar="SUBNET", help="approved subnet IDs")
    guard.add_argument("--security-groups", nargs="+", required=True, metavar="SG", help="approved security group IDs")
    guard.add_argument("--kms-key", nargs="+", default=[], metavar="ARN", help="approved KMS key ARNs")
    guard.add_argument("--org", action="store_true", help="emit an SCP (checked against the SCP size limit)")
    guard.add_argument("--emit", choices=("policy", "sdk-config"), default="policy", help="what to write")
    guard.add_argument("-o", "--output", type=Path, help="write here instead of stdout")

    commands.add_parser("checkov-dir", help="print the folder for checkov --external-checks-dir")

    rules = commands.add_parser("rules", help="list the rule catalog")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    _framework_option(rules, "list only the rules mapped to a control of this compliance framework")
    rules.add_argument("--config", type=Path, help="smguard config YAML (its policies: folders are listed too)")
    _policy_option(rules)
    return parser


def _parameters_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--parameters", type=Path, metavar="FILE",
                        help="CloudFormation parameter values: [{ParameterKey, ParameterValue}] JSON or Key=Value "
                             "lines (default: each parameter's Default)")  # fmt: skip


def _server_commands(commands: Any) -> None:
    bundle = commands.add_parser("bundle", help="build the OPA bundle (opa build), optionally signed")
    bundle.add_argument("-o", "--output", type=Path, default=Path("bundles/smguard.tar.gz"))
    bundle.add_argument("--config", type=Path, help="smguard config YAML to build into the bundle")
    bundle.add_argument("--token-file", type=Path, help="the sidecar token the bundle will accept (stored hashed)")
    # -O 2 inlines every rule into the entrypoint: a 1.3 MB bundle after 40 s, and no faster.
    bundle.add_argument("--optimize", type=int, default=0, choices=(0, 1), help="opa build -O level")
    bundle.add_argument("--signing-key", type=Path, help="private key (PEM) to sign the bundle with")
    bundle.add_argument("--signing-alg", default="RS256")
    bundle.add_argument("--scope", help="scope written into the signature")
    _policy_option(bundle)

    serve = commands.add_parser("serve", help="run the OPA sidecar (real OPA server, hardened) in the foreground")
    serve.add_argument("--addr", default=DEFAULT_ADDR)
    serve.add_argument("--token-file", type=Path, help="file holding the token clients must send")
    serve.add_argument("--token", help="the token clients must send (prefer --token-file)")
    serve.add_argument("--config", type=Path, help="smguard config YAML for the decisions")
    serve.add_argument("--bundle", type=Path, help="a bundle built by `smguard bundle` (token and config inside)")
    serve.add_argument("--tls-cert", type=Path)
    serve.add_argument("--tls-key", type=Path)
    serve.add_argument("--verification-key", type=Path, help="public key (PEM) the bundle's signature must match")
    serve.add_argument("--verification-key-id", help="key id for the verification key")
    serve.add_argument("--scope", help="scope the bundle's signature must carry")
    serve.add_argument("--max-body-bytes", type=int, default=DEFAULT_MAX_BODY)
    _policy_option(serve)

    hook = commands.add_parser("webhook", help="serve a Kubernetes validating admission webhook for ACK objects")
    hook.add_argument("--addr", default=webhook.DEFAULT_ADDR, help=f"HOST:PORT (default {webhook.DEFAULT_ADDR})")
    hook.add_argument("--tls-cert", type=Path, required=True, help="server certificate (PEM) the API server trusts")
    hook.add_argument("--tls-key", type=Path, required=True)
    hook.add_argument("--opa-url", metavar="URL", help="judge through a running smguard sidecar, not in process")
    hook.add_argument("--opa-token-file", type=Path, help="the sidecar's token (default: $SMGUARD_OPA_TOKEN[_FILE])")
    hook.add_argument("--config", type=Path, help="smguard config YAML (in-process judging only)")
    hook.add_argument("--fail-on", metavar="STATUSES",
                      help="statuses that deny (default: the config's scan.fail_on, else fail,error)")  # fmt: skip
    hook.add_argument("--max-body-bytes", type=int, default=webhook.DEFAULT_MAX_BODY)


def _policy_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--policy", type=Path, action="append", default=[], metavar="DIR",
                        help="a folder of your own rules (SM9xx) beside the built-in ones (repeatable)")  # fmt: skip


def _live_options(parser: argparse.ArgumentParser) -> None:
    live = parser.add_argument_group("live AWS collection")
    live.add_argument("--region", action="append", default=[], help="region to scan (repeatable)")
    live.add_argument("--all-regions", action="store_true", help="every region enabled in the account")
    live.add_argument("--profile", help="AWS profile")
    live.add_argument("--role-arn", action="append", default=[], help="assume this role, per account (repeatable)")
    live.add_argument("--accounts-from-organization", metavar="ROLE_NAME",
                      help="assume ROLE_NAME in every active account of the organization")  # fmt: skip
    live.add_argument("--since", type=int, default=30, metavar="DAYS", help="jobs created in the last DAYS days")
    live.add_argument("--workers", type=int, default=8, help="parallel Describe calls")
    live.add_argument("--rate", type=float, default=20.0, help="calls per second per API and region")
    live.add_argument("--max-attempts", type=_positive_int, default=5, metavar="N",
                      help="attempts per API call, retries included (default 5)")  # fmt: skip
    live.add_argument("--timeout", type=_positive_float, default=1800.0, metavar="SECONDS",
                      help="for the whole collection; calls left are read errors (default 1800)")  # fmt: skip


def _positive_int(text: str) -> int:
    if not text.isdigit() or int(text) == 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return int(text)


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number of seconds")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return int(_COMMANDS[args.command](args))
    except InputError as exc:
        print(f"smguard: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: still one line and no verdict, never a traceback or a pass
        if os.environ.get("SMGUARD_DEBUG"):
            raise
        print(
            f"smguard: internal error ({type(exc).__name__}: {exc}); set SMGUARD_DEBUG=1 for details", file=sys.stderr
        )
        return EXIT_ERROR


@dataclass(frozen=True)
class _Settings:
    """The validated config for OPA, and the rules it may name (the users' included)."""

    config: dict[str, Any]
    rules: dict[str, catalog.Rule]
    policies: list[Path]
    """The folders of the users' rules (--policy, then the config's policies:)."""


def _settings(args: argparse.Namespace, *, default_config: bool = True) -> _Settings:
    """``--config FILE``, else ``.smguard.yaml`` in the working directory, else no config."""
    path: Path | None = args.config
    if path is None and default_config and Path(DEFAULT_NAME).is_file():
        path = Path(DEFAULT_NAME)
    raw = read_config(decode_text(read(path), str(path)), str(path)) if path is not None else {}
    folders = list(args.policy)
    if path is not None:
        folders += [path.parent / folder for folder in policy_folders(raw, str(path))]
    rules = catalog.with_user_rules(folders, find_tool("opa")) if folders else catalog.rules()
    config = validate_config(raw, str(path), rules=rules) if path is not None else {}
    config.pop("policies", None)  # the CLI's to read; OPA is given the folders themselves
    return _Settings(config, rules, folders)


def _collect(args: argparse.Namespace) -> dict[str, Any]:
    extras.require("aws")
    from smguard.collect.aws import Options, collect, enabled_regions, sessions_for  # boto3 only when live
    from smguard.progress import reporter

    options = Options(regions=args.region, since_days=args.since, workers=args.workers, rate=args.rate,
                      max_attempts=args.max_attempts, timeout=args.timeout)  # fmt: skip
    sessions = sessions_for(args.profile, args.role_arn, options, args.accounts_from_organization)
    if args.all_regions:
        options.regions = enabled_regions(next(iter(sessions.values())), options)
    elif not options.regions:
        default = next(iter(sessions.values())).region_name
        if not default:
            raise InputError("no region: pass --region (or --all-regions), or configure one for the profile")
        options.regions = [default]
    with reporter() as options.progress:
        snapshot = collect(sessions, options)
    failed = len(snapshot["failures"])
    print(f"smguard: {snapshot['stats']['api_calls']} API calls, {failed} failed", file=sys.stderr)
    return snapshot


def _snapshot(args: argparse.Namespace) -> int:
    snapshot = _collect(args)
    _write(json.dumps(snapshot, indent=1) + "\n", args.output)
    return EXIT_FINDINGS if snapshot["failures"] else EXIT_CLEAN


def _scan(args: argparse.Namespace) -> int:
    if args.aws == bool(args.paths):
        raise InputError("scan takes PATHs or --aws (one of them)")
    if args.opa_url and (args.config is not None or args.policy):
        raise InputError(
            "--config and --policy cannot be used with --opa-url: the sidecar decides with the config and rules "
            "it was given"
        )
    settings = _settings(args, default_config=not args.opa_url)
    failing = _failing(args.fail_on, settings.config)
    loaded = Loaded(convert(_collect(args), "aws").document, {}, {}) if args.aws else load(args.paths, args.parameters)
    document = loaded.document
    with collector_paused():  # a large plan's findings and report are as many objects as the plan
        if args.opa_url:
            # Its HTTP client (opa-python-client, aiohttp) takes longer to import than a small scan.
            extras.require("sidecar")
            from smguard.engine.opa_server import evaluate_remote, token_or_environment

            token = token_or_environment(args.opa_token)
            evaluation = Evaluation(evaluate_remote(document, args.opa_url, token=token), [])
        else:
            evaluation = evaluate(document, settings.config, engine=args.engine, user_policies=settings.policies)
        findings = [f for f in evaluation.findings if _judged(settings.rules.get(f.rule_id), args.framework)]
        result = ScanResult(findings, document["sources"], judged_resources(document),
                            evaluation.unused_waivers, args.strict_waivers, settings.rules,
                            _source_blocks(args.source_root, findings), loaded.lines, failing,
                            loaded.constructs)  # fmt: skip
        report = FORMATS[args.format](result)
    for waiver in result.unused_waivers:
        if args.format != "text" or args.output is not None:  # the text report says so itself
            print(f"smguard: {result.waiver_level}: unused waiver: {waiver.describe()}", file=sys.stderr)
    _write(report, args.output)
    return EXIT_CLEAN if result.summary()["passed"] else EXIT_FINDINGS


def _failing(option: str | None, config: Mapping[str, Any]) -> frozenset[str]:
    if option is not None:
        return failing_statuses([s.strip() for s in option.split(",") if s.strip()], "--fail-on")
    return failing_statuses(config.get("scan", {}).get("fail_on", []), "scan.fail_on")


def _source_blocks(root: Path | None, findings: Sequence[Finding]) -> dict[str, SourceBlock]:
    if root is None:
        return {}
    if not root.is_dir():
        raise InputError(f"--source-root {root}: not a folder")
    from smguard.report.source_map import index_sources, locate  # the HCL parser only when asked

    index = index_sources(root)
    for path in index.unreadable:
        print(f"smguard: warning: {root / path}: not valid HCL; its resources point at the plan", file=sys.stderr)
    located = {f.resource: locate(f.resource, index) for f in findings}
    return {resource: block for resource, block in located.items() if block is not None}


def _convert(args: argparse.Namespace) -> int:
    _write(json.dumps(load(args.paths, args.parameters).document, indent=2) + "\n", args.output)
    return EXIT_CLEAN


def _judged(rule: catalog.Rule | None, framework: str | None) -> bool:
    """Whether a rule's findings are reported under ``--framework`` (read errors always are)."""
    return framework is None or rule is None or rule.always_on or rule.in_framework(framework)


def _framework_option(parser: argparse.ArgumentParser, text: str) -> None:
    parser.add_argument("--framework", choices=catalog.FRAMEWORKS, help=text)


def _rules(args: argparse.Namespace) -> int:
    rules = [r for r in _settings(args).rules.values() if not args.framework or r.in_framework(args.framework)]
    if args.format == "json":
        print(json.dumps([r.to_json() for r in rules], indent=2))
    else:
        for rule in rules:
            print(f"{rule.id}  {rule.severity:<8}  {rule.title}")
    return EXIT_CLEAN


def _guardrails(args: argparse.Namespace) -> int:
    settings = GuardrailSettings(tuple(args.subnets), tuple(args.security_groups), tuple(args.kms_key), args.org)
    if args.emit == "policy":
        text = policy_text(guardrail_policy(settings), settings)
    else:
        import yaml  # imported where used, as in config.parse_config

        text = yaml.safe_dump(sdk_defaults(settings), sort_keys=False)
    _write(text, args.output)
    return EXIT_CLEAN


def _token(path: Path | None, value: str | None = None) -> str | None:
    if path is None:
        return value
    token = decode_text(read(path), str(path)).strip()
    if not token:
        raise InputError(f"{path}: the token file is empty")
    return token


def _bundle(args: argparse.Namespace) -> int:
    settings = _settings(args, default_config=False)
    signing = Signing(args.signing_key, args.signing_alg, args.scope) if args.signing_key else None
    built = build_bundle(
        args.output, policies=policies_dir(), config=settings.config if args.config else None,
        token=_token(args.token_file), optimize=args.optimize, signing=signing, user_policies=settings.policies,
    )  # fmt: skip
    print(f"{args.output} (revision {built})")
    return EXIT_CLEAN


def _serve(args: argparse.Namespace) -> int:
    if args.token:
        print("smguard: warning: --token is visible to every user in the process list; prefer --token-file",
              file=sys.stderr)  # fmt: skip
    settings = _settings(args, default_config=False)
    options = ServeOptions(
        addr=args.addr, token=_token(args.token_file, args.token), config=settings.config if args.config else None,
        bundle=args.bundle, tls_cert=args.tls_cert, tls_key=args.tls_key, verification_key=args.verification_key,
        verification_key_id=args.verification_key_id, scope=args.scope, max_body_bytes=args.max_body_bytes,
    )  # fmt: skip
    return serve(options, policies=policies_dir(), user_policies=settings.policies)


def _webhook(args: argparse.Namespace) -> int:
    if args.opa_url and args.config is not None:
        raise InputError("--config cannot be used with --opa-url: the sidecar decides with the config it was given")
    args.policy = []
    settings = _settings(args, default_config=False)
    failing = _failing(args.fail_on, settings.config)
    if args.opa_url:
        extras.require("sidecar")
        from smguard.engine.opa_server import evaluate_remote, token_or_environment

        url, token = args.opa_url, token_or_environment(_token(args.opa_token_file))

        def judge(document: Document) -> list[Finding]:
            return evaluate_remote(document, url, token=token, timeout=5.0)
    else:
        from smguard.engine.local import evaluate_embedded

        def judge(document: Document) -> list[Finding]:
            return evaluate_embedded(document, settings.config).findings

    import logging

    logging.basicConfig(level=logging.INFO, format="smguard webhook: %(message)s", stream=sys.stderr)
    from smguard.webhook.server import WebhookOptions, serve_webhook  # TLS and HTTP only for the webhook

    options = WebhookOptions(args.addr, args.tls_cert, args.tls_key, args.max_body_bytes)
    print(f"smguard webhook: listening on https://{args.addr}/validate", file=sys.stderr, flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        serve_webhook(options, judge, failing)
    return EXIT_CLEAN


def _checkov_dir(_: argparse.Namespace) -> int:
    print(Path(checkov_checks.__file__).parent)
    return EXIT_CLEAN


def _write(text: str, output: Path | None) -> None:
    if output is None or str(output) == "-":  # `-o -` is stdout, as for conftest and most tools
        sys.stdout.write(text)
        return
    try:
        output.write_text(text)
    except OSError as exc:
        raise InputError(f"{output}: cannot write: {exc.strerror}") from None


_COMMANDS = {
    "scan": _scan,
    "convert": _convert,
    "rules": _rules,
    "guardrails": _guardrails,
    "checkov-dir": _checkov_dir,
    "bundle": _bundle,
    "snapshot": _snapshot,
    "serve": _serve,
    "webhook": _webhook,
}
