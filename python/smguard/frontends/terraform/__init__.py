"""Terraform plan JSON (``terraform show -json PLANFILE``) to the canonical document."""

from smguard.frontends.terraform.plan import convert_plan

__all__ = ["convert_plan"]
