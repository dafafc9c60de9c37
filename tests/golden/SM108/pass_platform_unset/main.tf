resource "aws_sagemaker_notebook_instance" "pass_platform_unset" {
  name                   = "pass-platform-unset"
  role_arn               = "arn:aws:iam::123456789012:role/support-notebook"
  instance_type          = "ml.t3.medium"
  direct_internet_access = "Disabled"
  root_access            = "Disabled"
  subnet_id              = aws_subnet.support_private.id
  security_groups        = [aws_security_group.support.id]
  kms_key_id             = aws_kms_key.support.arn

  instance_metadata_service_configuration {
    minimum_instance_metadata_service_version = "2"
  }
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
