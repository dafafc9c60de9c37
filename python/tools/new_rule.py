"""``make new-rule ID=SM7xx AREA=… SLUG=… RESOURCE=… ATTRIBUTE=…``: scaffold a rule, as Regal's
``regal new rule`` does.

Writes the rule's package (METADATA to fill in, a decision on one attribute through
``result.verdict``), its Rego tests (fail, pass, unknown, absent), and the golden case folders
``tests/golden/<ID>/fail_<slug>`` and ``pass_<slug>`` with a ``main.tf`` to complete. The
attribute must already be in the canonical model (``python/smguard/model``) and read by the
frontends: ``opa check --strict`` checks the package against the input schema. Then run
``make generate`` (catalog, rule page) and ``make golden-synth golden-update``.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

_RULE = """# METADATA
# title: {title}
# description: |
#   Why the secure state matters, and what an absent setting means (AWS's default).
# schemas:
#   - input: schema.input
# custom:
#   id: {id}
#   severity: MEDIUM
#   resource: {kind}
#   checkov_not_mirrored: not written yet (a mirror in python/smguard/checkov_checks restates it)
#   remediation: >-
#     What to set, in Terraform and in the API.
package smguard.rules.{area}.{slug}

import data.smguard.lib.result

_rule := result.identity(rego.metadata.chain())

findings contains finding if {{
\tsome resource in input.resources.{resources}
\tnot resource.{attribute} == true # the compliant majority stops here, before any call
\tfinding := result.verdict(
\t\t_rule, resource, "{attribute}",
\t\t"{attribute} is not in the secure state",
\t)
}}
"""

_TEST = """package smguard.rules.{area}.{slug}_test

import data.smguard.lib.inputs_test as inputs
import data.smguard.rules.{area}.{slug} as rule

resource(fields) := object.union({{"meta": {{"id": "r", "location": "test", "unknown": [], "pending": []}}}}, fields)

test_fail_insecure_value if {{
\tdoc := {{"resources": {{"{resources}": [resource({{"{attribute}": false}})]}}}}
\tinputs.verdicts(rule.findings) == {{["{id}", "r", "fail"]}} with input as doc
}}

test_fail_absent_means_the_default if {{
\tdoc := {{"resources": {{"{resources}": [resource({{"{attribute}": null}})]}}}}
\tinputs.verdicts(rule.findings) == {{["{id}", "r", "fail"]}} with input as doc
}}

test_unknown_value if {{
\tunknown := resource({{"{attribute}": null, "meta": {{"unknown": ["{attribute}"]}}}})
\tdoc := {{"resources": {{"{resources}": [unknown]}}}}
\tinputs.verdicts(rule.findings) == {{["{id}", "r", "unknown"]}} with input as doc
}}

test_pass_secure_value if {{
\tcount(rule.findings) == 0 with input as {{"resources": {{"{resources}": [resource({{"{attribute}": true}})]}}}}
}}
"""

_CASE = """# {id} {outcome} case: write the Terraform that {promise}, named "{name}" (the case's own
# resource carries the case's name), then `make golden-synth golden-update` and review expected.json.
"""


def scaffold(rule_id: str, area: str, slug: str, resources: str, attribute: str, root: Path = REPO) -> list[Path]:
    """The files written, relative to ``root``; an existing rule or case is never overwritten."""
    problems = [
        f"{name} {value!r} must be {pattern}"
        for name, value, pattern in (
            ("ID", rule_id, r"SM[0-9]{3}"), ("AREA", area, r"[a-z][a-z_]*"), ("SLUG", slug, r"[a-z][a-z0-9_]*"),
            ("RESOURCE", resources, r"[a-z][a-z_]*"), ("ATTRIBUTE", attribute, r"[a-z][a-z0-9_]*"),
        )
        if not re.fullmatch(pattern, value)
    ]  # fmt: skip
    if problems:
        raise SystemExit("new-rule: " + "; ".join(problems))
    fields = {"id": rule_id, "area": area, "slug": slug, "resources": resources, "attribute": attribute,
              "kind": resources.removesuffix("s"), "title": f"TODO the secure state of {resources}"}  # fmt: skip
    package = root / "policies/smguard/rules" / area / slug
    golden = root / "tests/golden" / rule_id
    files = {
        package / f"{slug}.rego": _RULE.format(**fields),
        package / f"{slug}_test.rego": _TEST.format(**fields),
        golden / f"fail_{slug}" / "main.tf": _CASE.format(
            id=rule_id, outcome="fail", promise="the rule fails", name=f"fail_{slug}"
        ),
        golden / f"pass_{slug}" / "main.tf": _CASE.format(
            id=rule_id, outcome="pass", promise="no rule flags", name=f"pass_{slug}"
        ),
    }
    taken = [str(path.relative_to(root)) for path in files if path.exists()]
    if taken or (package.exists() and any(package.iterdir())):
        raise SystemExit(f"new-rule: already there: {', '.join(taken) or package.relative_to(root)}")
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return [path.relative_to(root) for path in files]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    for name in ("id", "area", "slug", "resource", "attribute"):
        parser.add_argument(f"--{name}", required=True)
    args = parser.parse_args()
    for path in scaffold(args.id, args.area, args.slug, args.resource, args.attribute):
        print(f"written: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
