resource "aws_sagemaker_domain" "pass_vpc_only" {
  domain_name             = "pass-vpc-only"
  auth_mode               = "IAM"
  vpc_id                  = aws_vpc.support.id
  subnet_ids              = [aws_subnet.support_private.id]
  app_network_access_type = "VpcOnly"
  kms_key_id              = aws_kms_key.support.arn

  default_user_settings {
    execution_role = "arn:aws:iam::123456789012:role/support-studio"
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
