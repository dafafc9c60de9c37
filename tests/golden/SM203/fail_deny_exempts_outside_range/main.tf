resource "aws_iam_policy" "fail_deny_exempts_outside_range" {
  name   = "fail-deny-exempts-outside-range"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": "sagemaker:*", "Resource": "*"},
        {"Effect": "Deny", "Action": "sagemaker:*", "Resource": "*", "Condition": {"NotIpAddress": {"aws:SourceIp": ["203.0.113.0/24"]}}}
      ]
    }
  JSON
}
