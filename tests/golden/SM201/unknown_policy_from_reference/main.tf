resource "aws_iam_policy" "unknown_policy_from_reference" {
  name   = "unknown-policy-from-reference"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sagemaker:*"
      Resource  = aws_kms_key.support.arn
    }]
  })
}

resource "aws_kms_key" "support" {
  description = "a key whose ARN the policy names"
}
