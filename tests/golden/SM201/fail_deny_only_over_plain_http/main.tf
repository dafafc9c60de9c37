resource "aws_iam_policy" "fail_deny_only_over_plain_http" {
  name   = "fail-deny-only-over-plain-http"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": "sagemaker:*", "Resource": "*"},
        {"Effect": "Deny", "Action": "sagemaker:CreatePresigned*", "Resource": "*", "Condition": {"NotIpAddress": {"aws:SourceIp": ["192.0.2.0/24"]}, "Bool": {"aws:SecureTransport": "false"}}}
      ]
    }
  JSON
}
