resource "aws_iam_role_policy_attachment" "pass_read_only_managed_policy" {
  role       = "auditor"
  policy_arn = "arn:aws:iam::aws:policy/AmazonSageMakerReadOnly"
}
