"""The CloudFormation frontend: intrinsic functions, parameters, resources of the same template."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from smguard.engine.local import evaluate
from smguard.errors import InputError
from smguard.frontends.cloudformation import convert_template, decode, parameters_file
from smguard.frontends.cloudformation.template import Created, Resolver, Unresolved
from smguard.model import Document

DATA = Path(__file__).parent / "data"

TEMPLATE: dict[str, Any] = {
    "Parameters": {
        "Env": {"Type": "String", "Default": "dev"},
        "Subnets": {"Type": "List<AWS::EC2::Subnet::Id>", "Default": "subnet-1,subnet-2"},
        "FromSsm": {"Type": "AWS::SSM::Parameter::Value<String>", "Default": "/x"},
        "NoDefault": {"Type": "String"},
    },
    "Mappings": {"Keys": {"dev": {"Arn": "arn:aws:kms:eu-west-1:1:key/dev"}}},
    "Conditions": {
        "IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]},
        "NotProd": {"Fn::Not": [{"Condition": "IsProd"}]},
        "Undecided": {"Fn::Equals": [{"Ref": "AWS::Region"}, "eu-west-1"]},
    },
    "Resources": {
        "Key": {"Type": "AWS::KMS::Key"},
        "Alias": {"Type": "AWS::KMS::Alias"},
        "Nested": {"Type": "AWS::CloudFormation::Stack"},
        "Lookup": {"Type": "Custom::SubnetLookup"},
    },
}


@pytest.mark.parametrize(
    ("node", "expected"),
    [
        ({"Ref": "Env"}, "dev"),
        ({"Ref": "Subnets"}, ["subnet-1", "subnet-2"]),
        ({"Ref": "Key"}, Created("Key")),
        ({"Fn::GetAtt": ["Key", "Arn"]}, Created("Key", "Arn")),
        ({"Fn::GetAtt": "Key.Arn"}, Created("Key", "Arn")),
        ({"Ref": "Alias"}, Created("Alias")),
        ({"Fn::Sub": "arn:${AWS::Partition}:s3:::${Env}-bucket"}, "arn:aws:s3:::dev-bucket"),
        ({"Fn::Sub": ["${A}-${Env}", {"A": "x"}]}, "x-dev"),
        ({"Fn::Sub": "${!Literal}"}, "${Literal}"),
        ({"Fn::Join": ["-", ["a", {"Ref": "Env"}]]}, "a-dev"),
        ({"Fn::Select": [1, {"Ref": "Subnets"}]}, "subnet-2"),
        ({"Fn::Split": [",", "a,b"]}, ["a", "b"]),
        ({"Fn::FindInMap": ["Keys", {"Ref": "Env"}, "Arn"]}, "arn:aws:kms:eu-west-1:1:key/dev"),
        ({"Fn::If": ["IsProd", "p", "d"]}, "d"),
        ({"Fn::If": ["NotProd", "n", "p"]}, "n"),
        ({"Fn::If": ["IsProd", "p", {"Ref": "AWS::NoValue"}]}, None),
    ],
)
def test_intrinsic_functions(node: Any, expected: Any) -> None:
    resolved = Resolver(TEMPLATE).value({"V": node})
    assert resolved.get("V") == expected


@pytest.mark.parametrize(
    "node",
    [
        {"Ref": "AWS::AccountId"},
        {"Ref": "FromSsm"},
        {"Ref": "NoDefault"},
        {"Fn::ImportValue": "shared-subnet"},
        {"Fn::If": ["Undecided", "a", "b"]},
        {"Fn::Sub": "${AWS::Region}-x"},
        {"Fn::Bogus": "x"},
        {"Fn::GetAtt": ["Nested", "Outputs.SubnetId"]},
        {"Fn::GetAtt": "Lookup.SubnetId"},
    ],
)
def test_what_the_template_cannot_tell_is_unresolved(node: Any) -> None:
    assert isinstance(Resolver(TEMPLATE).value(node), Unresolved)


def test_given_parameters_override_defaults_and_must_be_declared() -> None:
    assert Resolver(TEMPLATE, {"Env": "prod"}).value({"Fn::If": ["IsProd", "p", "d"]}) == "p"
    with pytest.raises(InputError, match="does not declare: Typo"):
        Resolver(TEMPLATE, {"Typo": "x"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[{"ParameterKey": "A", "ParameterValue": "1"}, {"ParameterKey": "B", "ParameterValue": "x,y"}]',
         {"A": "1", "B": "x,y"}),
        ("# comment\nA=1\nB = x,y\n", {"A": "1", "B": "x,y"}),
    ],
)  # fmt: skip
def test_parameters_files(text: str, expected: dict[str, str]) -> None:
    assert parameters_file(text, "p") == expected


@pytest.mark.parametrize(
    ("text", "message"), [("[{]", "not valid JSON"), ("[1]", "ParameterKey"), ("A\n", "Key=Value")]
)
def test_bad_parameters_files(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parameters_file(text, "p")


def _document(path: Path) -> Document:
    return convert_template(decode(path.read_text(), path.name), path.name).document


def test_resources_created_beside_a_notebook_count_as_set() -> None:
    document = _document(DATA / "sam_pipeline.yaml")
    (notebook,) = document["resources"]["notebook_instances"]
    assert notebook["meta"]["pending"] == ["kms_key_id", "security_groups", "subnet_id", "vpc_id"]
    assert (notebook["vpc_key"], notebook["default_network"]) == ("Vpc", False)
    findings = {(f.rule_id, f.resource, f.status) for f in evaluate(document, {}).findings}
    assert not {f for f in findings if f[1] == "Notebook"}  # hardened, in the template's own VPC
    assert ("SM504", "Vpc", "fail") in findings  # which has no SageMaker endpoints


def test_pipeline_steps_and_state_machines() -> None:
    document = _document(DATA / "sam_pipeline.yaml")
    jobs = {job["meta"]["id"]: job for job in document["resources"]["training_jobs"]}
    assert set(jobs) == {"Pipeline#Train", "Machine", "Substituted#Train"}
    substituted = jobs["Substituted#Train"]  # DefinitionSubstitutions applied
    assert (substituted["meta"]["pending"], substituted["enable_network_isolation"]) == (["subnets"], True)
    assert jobs["Pipeline#Train"]["meta"]["pending"] == ["security_group_ids", "subnets"]  # ${Private} in !Sub
    assert jobs["Pipeline#Train"]["enable_network_isolation"] is False
    assert "subnets" in jobs["Machine"]["meta"]["unknown"]  # its definition is in S3


def test_a_resource_whose_condition_is_false_is_not_created() -> None:
    template = {
        "Parameters": {"Lab": {"Type": "String", "Default": "no"}},
        "Conditions": {"IsLab": {"Fn::Equals": [{"Ref": "Lab"}, "yes"]}},
        "Resources": {"Notebook": {"Type": "AWS::SageMaker::NotebookInstance", "Condition": "IsLab", "Properties": {}}},
    }
    assert convert_template(template, "t").document["resources"]["notebook_instances"] == []
    lab = convert_template(template, "t", {"Lab": "yes"}).document
    assert [n["meta"]["id"] for n in lab["resources"]["notebook_instances"]] == ["Notebook"]


def test_a_stack_in_a_cloud_assembly_names_its_resources_after_it() -> None:
    template = {
        "Resources": {
            "Vpc": {"Type": "AWS::EC2::VPC"},
            "Subnet": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}}},
            "Notebook": {
                "Type": "AWS::SageMaker::NotebookInstance",
                "Properties": {"SubnetId": {"Ref": "Subnet"}},
                "Metadata": {"aws:cdk:path": "App/Notebook/Resource"},
            },
            "Broken": {"Type": "AWS::SageMaker::Model", "Properties": {"ExecutionRoleArn": {"Ref": "Nothing"}}},
        }
    }
    conversion = convert_template(template, "App.template.json", stack="App", constructs={"Vpc": "App/Vpc"})
    resources = conversion.document["resources"]
    (notebook,) = resources["notebook_instances"]
    assert (notebook["meta"]["id"], notebook["vpc_key"]) == ("App/Notebook", "App/Vpc")
    assert [v["vpc_key"] for v in resources["vpcs"]] == ["App/Vpc"]
    assert [e["resource"] for e in conversion.document["errors"]] == ["App/Broken"]
    # The template's own path metadata first, the manifest's where the template has none.
    assert conversion.constructs == {"App/Notebook": "App/Notebook/Resource", "App/Vpc": "App/Vpc"}
