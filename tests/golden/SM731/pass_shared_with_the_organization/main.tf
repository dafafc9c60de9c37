resource "aws_sagemaker_model_package_group" "support" {
  model_package_group_name = "support-models"
}

resource "aws_sagemaker_model_package_group_policy" "pass_shared_with_the_organization" {
  model_package_group_name = aws_sagemaker_model_package_group.support.model_package_group_name
  resource_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "ShareModels"
      Effect    = "Allow"
      Principal = "*"
      Action    = ["sagemaker:DescribeModelPackage", "sagemaker:ListModelPackages"]
      Resource  = "arn:aws:sagemaker:eu-west-1:123456789012:model-package/support-models/*"
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
    }]
  })
}
