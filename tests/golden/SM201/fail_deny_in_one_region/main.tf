resource "aws_iam_policy" "fail_deny_in_one_region" {
  name   = "fail-deny-in-one-region"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": "sagemaker:*", "Resource": "*"},
        {"Effect": "Deny", "Action": "sagemaker:CreatePresigned*", "Resource": "*", "Condition": {"NotIpAddress": {"aws:SourceIp": ["192.0.2.0/24"]}, "StringEquals": {"aws:RequestedRegion": "eu-west-1"}}}
      ]
    }
  JSON
}
