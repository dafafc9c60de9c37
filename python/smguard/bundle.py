"""Building the OPA bundle: the policies (no tests), their capabilities, and for a sidecar its
config and token hash. Optionally optimized and signed by ``opa build``."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smguard import __version__
from smguard.engine.binaries import find_tool
from smguard.errors import ConfigError, EngineError
from smguard.paths import REPO_ROOT

# Built-ins a SageMaker policy never needs and a sidecar must not offer: network access and
# runtime introspection (environment variables, config).
UNSAFE_BUILTINS = frozenset({"http.send", "net.lookup_ip_addr", "opa.runtime"})
# Data the sidecar's bundle carries besides the policies (roots disjoint from the policies').
DATA_ROOTS = ("smguard/config", "smguard/checked", "sidecar")


@dataclass(frozen=True)
class Signing:
    key: Path
    algorithm: str = "RS256"
    scope: str | None = None
    claims_file: Path | None = None


def revision() -> str:
    """The package version plus the git commit the policies come from, when there is one."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"], cwd=REPO_ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return __version__
    return f"{__version__}+{commit}"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def build_bundle(
    output: Path,
    *,
    policies: Path,
    config: Mapping[str, Any] | None = None,
    token: str | None = None,
    optimize: int = 0,
    signing: Signing | None = None,
    user_policies: Sequence[Path] = (),
) -> str:
    """Build ``output`` with ``opa build``; returns the bundle's revision. The users' rule folders
    go in beside the policies (their packages are under smguard/rules, a root the bundle has)."""
    opa = find_tool("opa")
    with tempfile.TemporaryDirectory(prefix="smguard-bundle-") as tmp:
        source = Path(tmp) / "bundle"
        leave_out = shutil.ignore_patterns("*_test.rego", "*.md")
        shutil.copytree(policies, source, ignore=leave_out)
        for n, folder in enumerate(user_policies):
            shutil.copytree(folder, source / "user" / str(n), ignore=leave_out)
        manifest = json.loads((source / ".manifest").read_text())
        manifest["roots"] = [r for r in manifest["roots"] if not r.endswith("_test")] + list(DATA_ROOTS)
        (source / ".manifest").write_text(json.dumps(manifest))
        (source / "smguard/config").mkdir(parents=True, exist_ok=True)
        (source / "smguard/config/data.json").write_text(json.dumps(dict(config or {})))
        if config:
            _check_config(opa, source)
        if token is not None:
            (source / "sidecar").mkdir()
            (source / "sidecar/data.json").write_text(json.dumps({"token_sha256": token_hash(token)}))
        capabilities = Path(tmp) / "capabilities.json"
        capabilities.write_text(json.dumps(_safe_capabilities(opa)))
        built = revision()
        # Built from inside the folder, so the files' paths in the bundle do not name a temp dir.
        command = [str(opa), "build", "--bundle", ".", "--output", str(output.resolve()), "--revision", built,
                   "--capabilities", str(capabilities)]  # fmt: skip
        if optimize:
            command += ["--optimize", str(optimize)]  # entrypoints come from the METADATA
        if signing is not None:
            command += ["--signing-key", str(signing.key.resolve()), "--signing-alg", signing.algorithm]
            command += ["--claims-file", str(_claims(signing, Path(tmp)))]
        output.parent.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=source)
    if done.returncode != 0:
        raise EngineError(f"opa build failed: {' '.join((done.stderr or done.stdout).split())[:400]}")
    return built


def _check_config(opa: Path, source: Path) -> None:
    """Refuse a config with problems, found by the Rego that meta.input_readable reports them with,
    and mark the bundle as validated, so that the sidecar does not validate it for every request."""
    done = subprocess.run(
        [str(opa), "eval", "--bundle", ".", "--format", "json", "data.smguard.lib.config.problems"],
        capture_output=True, text=True, check=False, cwd=source,
    )  # fmt: skip
    try:
        problems = json.loads(done.stdout)["result"][0]["expressions"][0]["value"]
    except (ValueError, LookupError, TypeError):
        raise EngineError(f"opa eval failed: {' '.join((done.stderr or done.stdout).split())[:400]}") from None
    if problems:
        raise ConfigError(f"the config has problems: {'; '.join(sorted(problems))}")
    (source / "smguard/checked").mkdir(parents=True)
    (source / "smguard/checked/data.json").write_text(json.dumps({"config": True}))


def _claims(signing: Signing, folder: Path) -> Path:
    """The signature's JWT claims: the given ones, plus the scope (``opa build --scope`` only verifies)."""
    claims = json.loads(signing.claims_file.read_text()) if signing.claims_file else {}
    if signing.scope:
        claims["scope"] = signing.scope
    path = folder / "claims.json"
    path.write_text(json.dumps(claims))
    return path


def _safe_capabilities(opa: Path) -> dict[str, Any]:
    current = json.loads(
        subprocess.run([str(opa), "capabilities", "--current"], capture_output=True, text=True, check=True).stdout
    )
    current["builtins"] = [b for b in current["builtins"] if b["name"] not in UNSAFE_BUILTINS]
    return dict(current)
