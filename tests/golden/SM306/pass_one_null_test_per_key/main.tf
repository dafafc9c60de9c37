resource "aws_organizations_policy" "pass_one_null_test_per_key" {
  name    = "pass-one-null-test-per-key"
  content = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Sid": "DenyJobsWithoutSubnets", "Effect": "Deny", "Action": ["sagemaker:CreateTrainingJob", "sagemaker:CreateHyperParameterTuningJob", "sagemaker:CreateProcessingJob"], "Resource": "*", "Condition": {"Null": {"sagemaker:VpcSubnets": "true"}}},
        {"Sid": "DenyJobsWithoutSecurityGroups", "Effect": "Deny", "Action": ["sagemaker:CreateTrainingJob", "sagemaker:CreateHyperParameterTuningJob", "sagemaker:CreateProcessingJob"], "Resource": "*", "Condition": {"Null": {"sagemaker:VpcSecurityGroupIds": "true"}}}
      ]
    }
  JSON
}
