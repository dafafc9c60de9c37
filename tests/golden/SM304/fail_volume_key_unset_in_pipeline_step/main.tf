resource "aws_sagemaker_pipeline" "fail_volume_key_unset_in_pipeline_step" {
  pipeline_name         = "fail-volume-key-unset-in-pipeline-step"
  pipeline_display_name = "fail-volume-key-unset-in-pipeline-step"
  role_arn              = "arn:aws:iam::123456789012:role/support-pipeline"
  pipeline_definition   = jsonencode({
    Version = "2020-12-01"
    Parameters = [{ Name = "Subnets", Type = "String", DefaultValue = "subnet-0a1b2c3d4e5f60718" }]
    Steps = [{
      Name = "TrainModel"
      Type = "Training"
      Arguments = {
          AlgorithmSpecification = { TrainingImage = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/train:1", TrainingInputMode = "File" }
          RoleArn = "arn:aws:iam::123456789012:role/support-training"
          OutputDataConfig = { S3OutputPath = "s3://support-bucket/output/", KmsKeyId = "arn:aws:kms:eu-west-1:123456789012:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0" }
          ResourceConfig = { InstanceType = "ml.m5.large", InstanceCount = 1, VolumeSizeInGB = 30 }
          StoppingCondition = { MaxRuntimeInSeconds = 3600 }
          EnableNetworkIsolation = true
          EnableInterContainerTrafficEncryption = true
          VpcConfig = { Subnets = ["subnet-0a1b2c3d4e5f60718"], SecurityGroupIds = ["sg-0123456789abcdef0"] }
        }
    }]
  })
}

resource "aws_vpc" "support" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "support_private" {
  vpc_id     = aws_vpc.support.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_security_group" "support" {
  name   = "support-notebook"
  vpc_id = aws_vpc.support.id
}

resource "aws_kms_key" "support" {
  description = "notebook volume key"
}

resource "aws_vpc_endpoint" "support_api" {
  vpc_id              = aws_vpc.support.id
  service_name        = "com.amazonaws.eu-west-1.sagemaker.api"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  policy              = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "sagemaker:*"
      Resource  = "*"
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
    }]
  })
}

resource "aws_vpc_endpoint" "support_runtime" {
  vpc_id              = aws_vpc.support.id
  service_name        = "com.amazonaws.eu-west-1.sagemaker.runtime"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  policy              = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "sagemaker:*"
      Resource  = "*"
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
    }]
  })
}

resource "aws_vpc_endpoint" "support_notebook" {
  vpc_id              = aws_vpc.support.id
  service_name        = "aws.sagemaker.eu-west-1.notebook"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  policy              = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "sagemaker:*"
      Resource  = "*"
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
    }]
  })
}
