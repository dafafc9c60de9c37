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
