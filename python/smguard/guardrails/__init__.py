"""Generated preventive controls (pattern 6): a deny policy for SCPs or IAM, and SageMaker SDK defaults."""

from smguard.guardrails.policy import GuardrailSettings, guardrail_policy, policy_text
from smguard.guardrails.sdk_defaults import sdk_defaults

__all__ = ["GuardrailSettings", "guardrail_policy", "policy_text", "sdk_defaults"]
