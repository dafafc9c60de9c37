resource "aws_sagemaker_feature_group" "fail_offline_store_without_key" {
  feature_group_name             = "fail-offline-store-without-key"
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

  offline_store_config {
    s3_storage_config {
      s3_uri = "s3://support-bucket/features/"
    }
  }
}

resource "aws_kms_key" "support" {
  description = "feature store key"
}
