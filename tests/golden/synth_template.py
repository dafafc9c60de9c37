"""Write ``template.yaml`` beside each golden ``main.tf`` whose deployment CloudFormation can express.

The template is the same deployment, written as a CloudFormation user would: the resource types
and property names of the CloudFormation reference, the short-form tags (``!Ref``, ``!GetAtt``,
``!Sub``), policies as YAML objects. It renames; it never fills in defaults (an attribute the
Terraform leaves unset is absent from the template too), so the CloudFormation frontend applies
its own. A reference to a resource of the case becomes ``!Ref``/``!GetAtt`` to its logical ID,
which is ``logical_id(address)``: the equivalence test maps findings back by it.

A case with a resource CloudFormation has no type for (a training job, the default VPC, a
separate endpoint policy or policy attachment) gets no template; ``terraform_only`` says why.

Run: ``python tests/golden/synth_template.py`` (``make golden-synth``).
"""

from __future__ import annotations

import ast
import json
import re
import sys
from pathlib import Path
from typing import Any

import hcl2
import yaml

from tests.golden.synth_plan import _strip

# Terraform type -> (CloudFormation type, renamed attributes (others: snake_case -> CamelCase)).
TYPES: dict[str, tuple[str, dict[str, str]]] = {
    "aws_sagemaker_notebook_instance": ("AWS::SageMaker::NotebookInstance", {
        "name": "NotebookInstanceName", "security_groups": "SecurityGroupIds", "volume_size": "VolumeSizeInGB",
    }),
    "aws_sagemaker_model": ("AWS::SageMaker::Model", {"name": "ModelName", "container": "Containers"}),
    "aws_sagemaker_endpoint_configuration": ("AWS::SageMaker::EndpointConfig", {
        "name": "EndpointConfigName", "kms_key_arn": "KmsKeyId", "enable_ssm_access": "EnableSSMAccess",
        "destination_s3_uri": "DestinationS3Uri", "s3_output_path": "S3OutputPath",
        "memory_size_in_mb": "MemorySizeInMB",
    }),
    "aws_sagemaker_endpoint": ("AWS::SageMaker::Endpoint", {"name": "EndpointName"}),
    "aws_sagemaker_domain": ("AWS::SageMaker::Domain", {}),
    "aws_sagemaker_feature_group": ("AWS::SageMaker::FeatureGroup", {"feature_definition": "FeatureDefinitions"}),
    "aws_sagemaker_data_quality_job_definition": ("AWS::SageMaker::DataQualityJobDefinition", {
        "name": "JobDefinitionName", "volume_size_in_gb": "VolumeSizeInGB",
    }),
    "aws_sagemaker_pipeline": ("AWS::SageMaker::Pipeline", {}),
    "aws_sfn_state_machine": ("AWS::StepFunctions::StateMachine", {
        "name": "StateMachineName", "definition": "DefinitionString",
    }),
    "aws_iam_policy": ("AWS::IAM::ManagedPolicy", {"name": "ManagedPolicyName", "policy": "PolicyDocument"}),
    "aws_iam_role": ("AWS::IAM::Role", {"name": "RoleName", "assume_role_policy": "AssumeRolePolicyDocument"}),
    "aws_organizations_policy": ("AWS::Organizations::Policy", {}),
    "aws_vpc_endpoint": ("AWS::EC2::VPCEndpoint", {"policy": "PolicyDocument"}),
    "aws_vpc": ("AWS::EC2::VPC", {}),
    "aws_subnet": ("AWS::EC2::Subnet", {}),
    "aws_security_group": ("AWS::EC2::SecurityGroup", {"name": "GroupName", "description": "GroupDescription"}),
    "aws_kms_key": ("AWS::KMS::Key", {}),
}  # fmt: skip

TERRAFORM_ONLY = {
    "aws_sagemaker_training_job": "CloudFormation has no training job resource (its jobs are in pipelines)",
    "aws_default_vpc": "CloudFormation cannot adopt the default VPC",
    "aws_default_subnet": "CloudFormation cannot adopt a default subnet",
    "aws_vpc_endpoint_policy": "CloudFormation sets an endpoint's policy on the endpoint only",
    "aws_iam_role_policy_attachment": "CloudFormation attaches managed policies on the role only",
    "aws_iam_role_policy": "the policy is attached to a role the case does not create",
    "aws_sagemaker_flow_definition": "CloudFormation has no flow definition resource",
    "aws_sagemaker_notebook_instance_lifecycle_configuration": (
        "CloudFormation lists a configuration's scripts as {Content} objects (tests/unit/test_lifecycle_secrets.py)"
    ),
    "aws_sagemaker_model_package_group_policy": "CloudFormation sets a group's policy on the group only",
}

# Blocks that repeat in CloudFormation too (lists); every other block is one object.
_REPEATED = {
    "production_variants",
    "shadow_production_variants",
    "capture_options",
    "statement",
    "container",
    "monitoring_outputs",
    "feature_definition",
}
# Attributes CloudFormation keeps as JSON text rather than an object.
_TEXT = {"pipeline_definition", "definition"}
# Attributes holding a JSON document that CloudFormation takes as an object.
_DOCUMENTS = {"policy", "assume_role_policy", "content"}
_REF = re.compile(r"\$\{((?:data\.)?[a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z0-9_]+)\}")
# GetAtt names of a "name" attribute, by the referenced resource's type.
_NAME_ATTRIBUTE = {
    "aws_sagemaker_model": "ModelName",
    "aws_sagemaker_endpoint_configuration": "EndpointConfigName",
    "aws_sagemaker_domain": "DomainId",
}


class Ref(str):
    """``!Ref LogicalId``."""


class GetAtt(str):
    """``!GetAtt LogicalId.Attribute``."""


class Sub(str):
    """``!Sub 'text with ${LogicalId}'``."""


def logical_id(address: str) -> str:
    """``aws_subnet.support_private`` -> ``SupportPrivateSubnet``: the name, then the kind."""
    kind, name = address.split(".", 1)
    kind = kind.removeprefix("aws_").removeprefix("sagemaker_")
    return _camel(name) + _camel(kind)


def _camel(snake: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[_-]", snake) if part)


def terraform_only(tf: Path) -> str | None:
    """Why a case has no template, or None when it has one."""
    for kind, _, _ in _blocks(tf):
        if kind in TERRAFORM_ONLY:
            return TERRAFORM_ONLY[kind]
        if kind not in TYPES:
            return f"no CloudFormation type is mapped for {kind}"
    return None


def _blocks(tf: Path) -> list[tuple[str, str, dict[str, Any]]]:
    parsed = hcl2.loads(tf.read_text())
    return [(t, n, _strip(b)) for group in parsed.get("resource", []) for t, named in group.items()
            for n, b in named.items()]  # fmt: skip


def _reference(kind_by_address: dict[str, str], address: str, attribute: str) -> tuple[str, str | None]:
    """(logical ID, GetAtt attribute or None for Ref) of a Terraform reference."""
    target = logical_id(address)
    if attribute == "id":
        return target, None
    if attribute == "name" and kind_by_address.get(address) in _NAME_ATTRIBUTE:
        return target, _NAME_ATTRIBUTE[kind_by_address[address]]
    return target, _camel(attribute)


def _value(value: Any, kinds: dict[str, str]) -> Any:
    if isinstance(value, str):
        whole = _REF.fullmatch(value)
        if whole:
            target, attribute = _reference(kinds, f"{whole.group(1)}.{whole.group(2)}", whole.group(3))
            return GetAtt(f"{target}.{attribute}") if attribute else Ref(target)
        if _REF.search(value):
            return Sub(_sub_text(value, kinds))
        return value.replace("$${", "${")
    if isinstance(value, list):
        return [_value(v, kinds) for v in value]
    if isinstance(value, dict):
        return {k: _value(v, kinds) for k, v in value.items()}
    return value


def _sub_text(text: str, kinds: dict[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        target, attribute = _reference(kinds, f"{match.group(1)}.{match.group(2)}", match.group(3))
        return "${" + (f"{target}.{attribute}" if attribute else target) + "}"

    return _REF.sub(replace, text.replace("$${", "${!"))


def _jsonencoded(value: Any) -> Any:
    """The object inside ``jsonencode(...)``, with its references as ``${...}`` strings."""
    if isinstance(value, str) and value.startswith("${jsonencode(") and value.endswith(")}"):
        return ast.literal_eval(value[len("${jsonencode(") : -2])
    return value


def _properties(kind: str, attributes: dict[str, Any], kinds: dict[str, str]) -> dict[str, Any]:
    renames = TYPES[kind][1]
    properties: dict[str, Any] = {}
    for key, wrapped in attributes.items():
        is_block = isinstance(wrapped, list) and wrapped and all(isinstance(v, dict) for v in wrapped)
        name = renames.get(key, _camel(key))
        if is_block:
            converted = [_properties(kind, block, kinds) for block in wrapped]
            properties[name] = converted if key in _REPEATED else converted[0]
            continue
        value = _jsonencoded(wrapped[0])  # python-hcl2 wraps each attribute's value in a list
        if key in _TEXT and not isinstance(value, str):
            value = _text(value, kinds)
        elif key in _DOCUMENTS and isinstance(value, str):
            value = json.loads(value.replace('\\"', '"'))  # python-hcl2 keeps HCL's escapes
        properties[name] = value if isinstance(value, Sub) else _value(value, kinds)
    if kind == "aws_sagemaker_pipeline":
        properties["PipelineDefinition"] = {"PipelineDefinitionBody": properties.pop("PipelineDefinition")}
    if kind == "aws_security_group":
        properties.setdefault("GroupDescription", "security group")
    return properties


def _text(document: Any, kinds: dict[str, str]) -> Any:
    """A JSON document kept as text; references in it make it a ``!Sub``."""
    text = json.dumps(document, indent=2)
    return Sub(_sub_text(text, kinds)) if _REF.search(text) or "$${" in text else text.replace("$${", "${")


def synthesize(tf: Path) -> str:
    blocks = _blocks(tf)
    kinds = {f"{t}.{n}": t for t, n, _ in blocks}
    resources = {
        logical_id(f"{t}.{n}"): {"Type": TYPES[t][0], "Properties": _properties(t, attributes, kinds)}
        for t, n, attributes in blocks
    }
    header = "# The deployment of main.tf, as CloudFormation (written by tests/golden/synth_template.py).\n"
    body = yaml.dump({"AWSTemplateFormatVersion": "2010-09-09", "Resources": resources}, Dumper=_Dumper,
                     sort_keys=False, width=120, allow_unicode=True)  # fmt: skip
    return header + body


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    str, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", v, style="|" if "\n" in v else None)
)
_Dumper.add_representer(Ref, lambda d, v: d.represent_scalar("!Ref", str(v)))
_Dumper.add_representer(GetAtt, lambda d, v: d.represent_scalar("!GetAtt", str(v)))
_Dumper.add_representer(Sub, lambda d, v: d.represent_scalar("!Sub", str(v), style="|" if "\n" in v else None))


def main() -> int:
    here = Path(__file__).parent
    for tf in sorted(here.glob("SM*/*/main.tf")):
        target = tf.with_name("template.yaml")
        if terraform_only(tf) is None:
            target.write_text(synthesize(tf))
        else:
            target.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
