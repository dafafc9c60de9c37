resource "aws_iam_policy" "pass_source_vpce_any_value" {
  name   = "pass-source-vpce-any-value"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": ["sagemaker:CreatePresignedNotebookInstanceUrl", "sagemaker:DescribeNotebookInstance"], "Resource": "*", "Condition": {"ForAnyValue:StringEquals": {"aws:sourceVpce": ["vpce-0a1b2c3d", "vpce-0e1f2a3b"]}}}
      ]
    }
  JSON
}
