resource "aws_iam_policy" "fail_deny_also_requires_principal_tag" {
  name   = "fail-deny-also-requires-principal-tag"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": "sagemaker:*", "Resource": "*"},
        {"Effect": "Deny", "Action": "sagemaker:CreatePresigned*", "Resource": "*", "Condition": {"NotIpAddress": {"aws:SourceIp": ["192.0.2.0/24"]}, "StringEquals": {"aws:PrincipalTag/team": "ml"}}}
      ]
    }
  JSON
}
