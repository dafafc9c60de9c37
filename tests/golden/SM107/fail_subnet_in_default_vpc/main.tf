resource "aws_sagemaker_notebook_instance" "fail_subnet_in_default_vpc" {
  name                   = "fail-subnet-in-default-vpc"
  role_arn               = "arn:aws:iam::123456789012:role/support-notebook"
  instance_type          = "ml.t3.medium"
  direct_internet_access = "Disabled"
  root_access            = "Disabled"
  subnet_id              = aws_subnet.support_in_default_vpc.id
  security_groups        = [aws_security_group.support.id]
  kms_key_id             = aws_kms_key.support.arn

  instance_metadata_service_configuration {
    minimum_instance_metadata_service_version = "2"
  }
}

resource "aws_default_vpc" "support" {}

resource "aws_subnet" "support_in_default_vpc" {
  vpc_id     = aws_default_vpc.support.id
  cidr_block = "172.31.200.0/24"
}

resource "aws_security_group" "support" {
  name   = "support-notebook"
  vpc_id = aws_default_vpc.support.id
}

resource "aws_kms_key" "support" {
  description = "notebook volume key"
}
