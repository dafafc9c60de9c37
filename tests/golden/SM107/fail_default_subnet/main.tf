resource "aws_sagemaker_notebook_instance" "fail_default_subnet" {
  name                   = "fail-default-subnet"
  role_arn               = "arn:aws:iam::123456789012:role/support-notebook"
  instance_type          = "ml.t3.medium"
  direct_internet_access = "Disabled"
  root_access            = "Disabled"
  subnet_id              = aws_default_subnet.support.id
  security_groups        = ["sg-0123456789abcdef0"]
  kms_key_id             = aws_kms_key.support.arn

  instance_metadata_service_configuration {
    minimum_instance_metadata_service_version = "2"
  }
}

resource "aws_default_vpc" "support" {}

resource "aws_default_subnet" "support" {
  availability_zone = "eu-west-1a"
}

resource "aws_kms_key" "support" {
  description = "notebook volume key"
}

resource "aws_vpc_endpoint" "support_api" {
  vpc_id              = aws_default_vpc.support.id
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
  vpc_id              = aws_default_vpc.support.id
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
  vpc_id              = aws_default_vpc.support.id
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
