resource "aws_vpc_endpoint" "fail_perimeter_deny_for_tagged_callers_only" {
  vpc_id              = aws_vpc.support.id
  service_name        = "com.amazonaws.eu-west-1.sagemaker.api"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  policy              = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "*"
        Resource  = "*"
      },
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = "*"
        Resource  = "*"
        Condition = {
          StringNotEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" }
          StringEquals    = { "aws:PrincipalTag/team" = "ml" }
        }
      }
    ]
  })
}

resource "aws_vpc" "support" {
  cidr_block = "10.0.0.0/16"
}
