resource "aws_vpc_endpoint" "pass_not_a_sagemaker_endpoint" {
  vpc_id            = aws_vpc.support.id
  service_name      = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type = "Gateway"
}

resource "aws_vpc" "support" {
  cidr_block = "10.0.0.0/16"
}
