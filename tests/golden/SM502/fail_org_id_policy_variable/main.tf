resource "aws_vpc_endpoint" "fail_org_id_policy_variable" {
  vpc_id              = aws_vpc.support.id
  service_name        = "com.amazonaws.eu-west-1.sagemaker.runtime"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  policy              = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "sagemaker:InvokeEndpoint"
        Resource  = "*"
        Condition = { StringEquals = { "aws:PrincipalOrgID" = "$${aws:PrincipalOrgID}" } }
      }
    ]
  })
}

resource "aws_vpc" "support" {
  cidr_block = "10.0.0.0/16"
}
