resource "aws_iam_policy" "fail_any_new_vpc_endpoint" {
  name   = "fail-any-new-vpc-endpoint"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": "sagemaker:CreatePresignedNotebookInstanceUrl", "Resource": "*", "Condition": {"StringLike": {"aws:SourceVpce": "vpce-0*"}}}
      ]
    }
  JSON
}
