resource "aws_vpc_endpoint" "pass_org_id_ignoring_case" {
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
        Condition = { StringEqualsIgnoreCase = { "aws:PrincipalOrgID" = "O-A1B2C3D4E5" } }
      }
    ]
  })
}

resource "aws_vpc" "support" {
  cidr_block = "10.0.0.0/16"
}
