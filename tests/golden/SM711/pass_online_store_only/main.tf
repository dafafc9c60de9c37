resource "aws_sagemaker_feature_group" "pass_online_store_only" {
  feature_group_name             = "pass-online-store-only"
  record_identifier_feature_name = "customer_id"
  event_time_feature_name        = "event_time"
  role_arn                       = "arn:aws:iam::123456789012:role/support-feature-store"

  feature_definition {
    feature_name = "customer_id"
    feature_type = "String"
  }

  feature_definition {
    feature_name = "event_time"
    feature_type = "String"
  }

  online_store_config {
    enable_online_store = true

    security_config {
      kms_key_id = aws_kms_key.support.arn
    }
  }
}

resource "aws_kms_key" "support" {
  description = "feature store key"
}
