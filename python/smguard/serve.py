"""``smguard serve``: the real OPA server in the foreground, hardened by default.

Loopback address, token authentication with the shipped ``system.authz`` policy (decisions and
health only), a request-body cap far below OPA's default, a bundle built without unsafe
built-ins, decision logs on stderr with the document masked (``system.log``), and SIGTERM/SIGINT
passed on for a clean shutdown.
"""

from __future__ import annotations

import ipaddress
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

from smguard.bundle import build_bundle
from smguard.engine.binaries import find_tool
from smguard.errors import InputError

DEFAULT_ADDR = "127.0.0.1:8181"
DEFAULT_MAX_BODY = 8 * 1024 * 1024  # bytes; OPA's own default is 256 MB
# OPA gzips answers of 1 KB or more at level 9 for clients that accept it (most do). An admission
# answer is a few findings crossing loopback: compressing it costs time and saves nothing. Only
# answers as large as a whole scan's are worth it.
COMPRESS_FROM = 64 * 1024  # bytes


@dataclass(frozen=True)
class ServeOptions:
    addr: str = DEFAULT_ADDR
    token: str | None = None
    config: Mapping[str, Any] | None = None
    bundle: Path | None = None
    tls_cert: Path | None = None
    tls_key: Path | None = None
    verification_key: Path | None = None
    verification_key_id: str | None = None
    scope: str | None = None
    max_body_bytes: int = DEFAULT_MAX_BODY


def opa_command(options: ServeOptions, bundle: Path) -> list[str]:
    command = [
        str(find_tool("opa")), "run", "--server", "--addr", options.addr, "--bundle", str(bundle),
        "--authentication=token", "--authorization=basic", "--skip-version-check",
        "--set", f"server.decoding.max_length={options.max_body_bytes}",
        "--set", f"server.decoding.gzip.max_length={options.max_body_bytes}",
        "--set", f"server.encoding.gzip.min_length={COMPRESS_FROM}",
        "--set", "decision_logs.console=true",
    ]  # fmt: skip
    if options.tls_cert or options.tls_key:
        if not (options.tls_cert and options.tls_key):
            raise InputError("--tls-cert and --tls-key go together")
        command += ["--tls-cert-file", str(options.tls_cert), "--tls-private-key-file", str(options.tls_key)]
    if options.verification_key:
        command += ["--verification-key", str(options.verification_key)]
        command += ["--verification-key-id", options.verification_key_id] if options.verification_key_id else []
        command += ["--scope", options.scope] if options.scope else []
    return command


def opa_environment(environ: Mapping[str, str]) -> dict[str, str]:
    """OPA's environment. At Go's default pace the collector, on the sidecar's small heap, made the
    slowest decisions about 1.5x slower (README, "Performance"). A GOGC the user set is kept."""
    return {"GOGC": "400", **environ}


def check_options(options: ServeOptions) -> None:
    if options.bundle is None and not options.token:
        raise InputError("serve needs a token (--token-file FILE or --token T): every decision request must carry it")
    if options.bundle is not None and (options.token or options.config):
        raise InputError("with --bundle, the token and config are the bundle's (smguard bundle --token-file --config)")
    if options.bundle is not None and options.verification_key is None:
        print("smguard: warning: the bundle's signature is not checked: whoever can replace the file decides; "
              "sign it (smguard bundle --signing-key) and pass --verification-key", file=sys.stderr)  # fmt: skip
    host = options.addr.rsplit(":", 1)[0].strip("[]") or "0.0.0.0"  # noqa: S104  # only compared
    loopback = host == "localhost" or _is_loopback(host)
    if not loopback and not options.tls_cert:
        print(f"smguard: warning: serving on {options.addr} without TLS; the token crosses the network in clear",
              file=sys.stderr)  # fmt: skip


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(options: ServeOptions, *, policies: Path, user_policies: Sequence[Path] = ()) -> int:
    """Run OPA until it exits or is told to stop; returns its exit code."""
    check_options(options)
    with tempfile.TemporaryDirectory(prefix="smguard-serve-") as tmp:
        bundle = options.bundle
        if bundle is None:
            bundle = Path(tmp) / "sidecar.tar.gz"
            build_bundle(bundle, policies=policies, config=options.config, token=options.token,
                         user_policies=user_policies)  # fmt: skip
        process = subprocess.Popen(opa_command(options, bundle), env=opa_environment(os.environ))

        def forward(signum: int, _frame: FrameType | None) -> None:
            process.send_signal(signum)

        previous = {s: signal.signal(s, forward) for s in (signal.SIGTERM, signal.SIGINT)}
        try:
            return process.wait()
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
