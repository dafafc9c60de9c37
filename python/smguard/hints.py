"""What an input smguard cannot read looks like, and what to run instead: the hint of an error line."""

from __future__ import annotations

import re

_SHOW_JSON = "run `terraform plan -out plan.out && terraform show -json plan.out > plan.json` and scan plan.json"

# hashicorp/setup-terraform's wrapper (on by default) echoes the command and appends ::debug:: lines.
_WRAPPER = re.compile(r"\A\s*\[command\]|^::(?:debug|set-output|error)::", re.MULTILINE)
_HCL = re.compile(
    r'^\s*(?:resource|data|module|provider|variable|output)\s+"[^"\n]*"[^\n]*\{|^\s*(?:terraform|locals)\s*\{',
    re.MULTILINE,
)
_CLOUDFORMATION_TEXT = re.compile(r"^\s*AWSTemplateFormatVersion\s*:|^\s+Type:\s*['\"]?AWS::", re.MULTILINE)
_KUBERNETES_TEXT = re.compile(r"^apiVersion\s*:", re.MULTILINE)
_ZIP = b"PK\x03\x04"


def for_bytes(data: bytes) -> str | None:
    """The hint for a file that is not text at all."""
    if data.startswith(_ZIP):
        return f"this is a binary Terraform plan file; {_SHOW_JSON}"
    return None


def for_text(text: str) -> str | None:
    """The hint for text that is not JSON."""
    if _WRAPPER.search(text):
        return (
            "this is the output of setup-terraform's wrapper ([command] and ::debug:: lines around the JSON); "
            "set `terraform_wrapper: false` on hashicorp/setup-terraform, or write the plan with "
            "`terraform show -json plan.out > plan.json`"
        )
    if _HCL.search(text):
        return f"this looks like Terraform source (HCL), not a plan; {_SHOW_JSON}"
    return None


def looks_like_kubernetes(text: str) -> bool:
    """True for YAML that reads like Kubernetes objects (read by the manifest frontend)."""
    return bool(_KUBERNETES_TEXT.search(text))


def looks_like_template(text: str) -> bool:
    """True for YAML that reads like a CloudFormation template (read by the template frontend)."""
    return bool(_CLOUDFORMATION_TEXT.search(text))
