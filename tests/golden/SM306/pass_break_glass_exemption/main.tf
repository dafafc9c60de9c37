resource "aws_organizations_policy" "pass_break_glass_exemption" {
  name    = "pass-break-glass-exemption"
  content = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Deny", "Action": ["sagemaker:CreateTrainingJob", "sagemaker:CreateHyperParameterTuningJob", "sagemaker:CreateProcessingJob"], "Resource": "*", "Condition": {"Null": {"sagemaker:VpcSubnets": "true"}, "ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/BreakGlass"}}}
      ]
    }
  JSON
}
