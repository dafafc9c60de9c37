resource "aws_iam_policy" "fail_all_ipv4_but_one_range" {
  name   = "fail-all-ipv4-but-one-range"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": "sagemaker:*", "Resource": "*"},
        {"Effect": "Deny", "Action": "sagemaker:CreatePresigned*", "Resource": "*", "Condition": {"NotIpAddress": {"aws:SourceIp": ["0.0.0.0/8", "1.0.0.0/16", "1.1.0.0/24", "1.1.2.0/23", "1.1.4.0/22", "1.1.8.0/21", "1.1.16.0/20", "1.1.32.0/19", "1.1.64.0/18", "1.1.128.0/17", "1.2.0.0/15", "1.4.0.0/14", "1.8.0.0/13", "1.16.0.0/12", "1.32.0.0/11", "1.64.0.0/10", "1.128.0.0/9", "2.0.0.0/7", "4.0.0.0/6", "8.0.0.0/5", "16.0.0.0/4", "32.0.0.0/3", "64.0.0.0/2", "128.0.0.0/1"]}}}
      ]
    }
  JSON
}
