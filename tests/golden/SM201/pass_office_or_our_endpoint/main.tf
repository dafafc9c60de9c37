resource "aws_iam_policy" "pass_office_or_our_endpoint" {
  name   = "pass-office-or-our-endpoint"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": ["sagemaker:CreatePresigned*", "sagemaker:Describe*", "sagemaker:List*"], "Resource": "*"},
        {"Effect": "Deny", "Action": "sagemaker:CreatePresigned*", "Resource": "*", "Condition": {"NotIpAddress": {"aws:SourceIp": ["192.0.2.0/24", "2001:db8::/32"]}, "StringNotEqualsIfExists": {"aws:SourceVpce": "vpce-0a1b2c3d4e5f60718"}}}
      ]
    }
  JSON
}
