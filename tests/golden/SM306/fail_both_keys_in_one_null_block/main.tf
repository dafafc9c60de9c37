resource "aws_organizations_policy" "fail_both_keys_in_one_null_block" {
  name    = "fail-both-keys-in-one-null-block"
  content = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Deny", "Action": ["sagemaker:CreateTrainingJob", "sagemaker:CreateHyperParameterTuningJob", "sagemaker:CreateProcessingJob"], "Resource": "*", "Condition": {"Null": {"sagemaker:VpcSubnets": "true", "sagemaker:VpcSecurityGroupIds": "true"}}}
      ]
    }
  JSON
}
