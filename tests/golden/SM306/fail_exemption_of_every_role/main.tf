resource "aws_organizations_policy" "fail_exemption_of_every_role" {
  name    = "fail-exemption-of-every-role"
  content = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Deny", "Action": ["sagemaker:CreateTrainingJob", "sagemaker:CreateHyperParameterTuningJob", "sagemaker:CreateProcessingJob"], "Resource": "*", "Condition": {"Null": {"sagemaker:VpcSubnets": "true"}, "ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/*"}}}
      ]
    }
  JSON
}
