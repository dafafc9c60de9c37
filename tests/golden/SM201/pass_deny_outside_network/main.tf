resource "aws_iam_policy" "pass_deny_outside_network" {
  name   = "pass-deny-outside-network"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": ["sagemaker:CreatePresigned*", "sagemaker:Describe*", "sagemaker:List*"], "Resource": "*"},
        {"Sid": "OnlyFromTheOffice", "Effect": "Deny", "Action": "sagemaker:CreatePresigned*", "Resource": "*", "Condition": {"NotIpAddress": {"aws:SourceIp": ["192.0.2.0/24"]}}}
      ]
    }
  JSON
}
