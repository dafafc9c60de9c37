resource "aws_iam_policy" "pass_deny_for_the_grants_own_callers" {
  name   = "pass-deny-for-the-grants-own-callers"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": ["sagemaker:CreatePresigned*", "sagemaker:Describe*", "sagemaker:List*"], "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "ml"}}},
        {"Effect": "Deny", "Action": "sagemaker:CreatePresigned*", "Resource": "*", "Condition": {"NotIpAddress": {"aws:SourceIp": ["192.0.2.0/24"]}, "StringEquals": {"aws:PrincipalTag/team": "ml"}}}
      ]
    }
  JSON
}
