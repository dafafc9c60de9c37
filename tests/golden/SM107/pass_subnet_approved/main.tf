resource "aws_sagemaker_notebook_instance" "pass_subnet_approved" {
  name                   = "pass-subnet-approved"
  role_arn               = "arn:aws:iam::123456789012:role/support-notebook"
  instance_type          = "ml.t3.medium"
  direct_internet_access = "Disabled"
  root_access            = "Disabled"
  subnet_id              = "subnet-0a1b2c3d4e5f60718"
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
