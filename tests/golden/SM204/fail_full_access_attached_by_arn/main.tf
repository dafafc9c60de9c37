resource "aws_iam_role" "notebook" {
  name               = "notebook-execution"
  assume_role_policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"sagemaker.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"
}

resource "aws_iam_role_policy_attachment" "fail_full_access_attached_by_arn" {
  role       = "notebook-execution"
  policy_arn = "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"
}
