resource "aws_organizations_policy" "fail_training_only" {
  name    = "fail-training-only"
  content = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Deny", "Action": "sagemaker:CreateTrainingJob", "Resource": "*", "Condition": {"Null": {"sagemaker:VpcSubnets": "true"}}}
      ]
    }
  JSON
}
