resource "aws_organizations_policy" "fail_exemption_of_everything" {
  name    = "fail-exemption-of-everything"
  content = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Deny", "Action": ["sagemaker:CreateTrainingJob", "sagemaker:CreateHyperParameterTuningJob", "sagemaker:CreateProcessingJob"], "Resource": "*", "Condition": {"Null": {"sagemaker:VpcSubnets": "true"}, "StringNotLike": {"aws:PrincipalArn": "*"}}}
      ]
    }
  JSON
}
