resource "aws_vpc_endpoint" "fail_no_policy" {
  vpc_id              = aws_vpc.support.id
  service_name        = "com.amazonaws.eu-west-1.sagemaker.api"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}

resource "aws_vpc" "support" {
  cidr_block = "10.0.0.0/16"
}
