"""A CDK app for the cloud assembly tests: synthesized by the real `cdk` CLI with aws-cdk-lib.

Stack MlPlatform: a VPC, a hardened notebook and a notebook left at the defaults, a model, an
endpoint config and an endpoint, and a nested stack with one more notebook. Stage Prod: a
stack with a SageMaker pipeline whose training step leaves the network open.
"""

import json

import aws_cdk as cdk
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_kms as kms
from aws_cdk import aws_sagemaker as sagemaker
from constructs import Construct

ROLE = "arn:aws:iam::111122223333:role/sagemaker-execution"
IMAGE = "111122223333.dkr.ecr.us-east-1.amazonaws.com/model:latest"


class Notebooks(cdk.NestedStack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        sagemaker.CfnNotebookInstance(self, "Scratch", instance_type="ml.t3.medium", role_arn=ROLE)


class MlPlatform(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        vpc = ec2.Vpc(self, "Vpc", max_azs=2, nat_gateways=0)
        group = ec2.SecurityGroup(self, "Notebooks", vpc=vpc)
        key = kms.Key(self, "Key", enable_key_rotation=True)
        subnet = vpc.isolated_subnets[0].subnet_id
        sagemaker.CfnNotebookInstance(
            self,
            "Hardened",
            instance_type="ml.t3.medium",
            role_arn=ROLE,
            subnet_id=subnet,
            security_group_ids=[group.security_group_id],
            kms_key_id=key.key_id,
            direct_internet_access="Disabled",
            root_access="Disabled",
            instance_metadata_service_configuration=sagemaker.CfnNotebookInstance.InstanceMetadataServiceConfigurationProperty(
                minimum_instance_metadata_service_version="2"
            ),
        )
        sagemaker.CfnNotebookInstance(self, "Defaults", instance_type="ml.t3.medium", role_arn=ROLE)
        model = sagemaker.CfnModel(
            self,
            "Model",
            execution_role_arn=ROLE,
            primary_container=sagemaker.CfnModel.ContainerDefinitionProperty(image=IMAGE),
        )
        config = sagemaker.CfnEndpointConfig(
            self,
            "Config",
            production_variants=[
                sagemaker.CfnEndpointConfig.ProductionVariantProperty(
                    variant_name="main",
                    model_name=model.attr_model_name,
                    initial_instance_count=1,
                    instance_type="ml.m5.large",
                    initial_variant_weight=1,
                )
            ],
        )
        sagemaker.CfnEndpoint(self, "Endpoint", endpoint_config_name=config.attr_endpoint_config_name)
        Notebooks(self, "Scratch")


class Training(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        step = {
            "Name": "Train",
            "Type": "Training",
            "Arguments": {
                "AlgorithmSpecification": {"TrainingImage": IMAGE, "TrainingInputMode": "File"},
                "RoleArn": ROLE,
                "OutputDataConfig": {"S3OutputPath": "s3://bucket/output"},
                "ResourceConfig": {"InstanceCount": 1, "InstanceType": "ml.m5.large", "VolumeSizeInGB": 30},
                "StoppingCondition": {"MaxRuntimeInSeconds": 3600},
            },
        }
        body = json.dumps({"Version": "2020-12-01", "Steps": [step]})
        sagemaker.CfnPipeline(
            self,
            "Pipeline",
            pipeline_name="train",
            role_arn=ROLE,
            pipeline_definition={"PipelineDefinitionBody": body},
        )


class Prod(cdk.Stage):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        Training(self, "Training")


app = cdk.App()
MlPlatform(app, "MlPlatform")
Prod(app, "Prod")
app.synth()
