"""The shapes of the AWS IDs smguard accepts in its config and writes into policies: one place,
so a config value is never accepted that a generated policy would refuse."""

SUBNET = r"subnet-[0-9a-f]{8,17}"
SECURITY_GROUP = r"sg-[0-9a-f]{8,17}"
VPC = r"vpc-[0-9a-f]{8,17}"
VPC_ENDPOINT = r"vpce-[0-9a-f]{8,17}"
KMS_KEY_ARN = r"arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[0-9a-f-]+"
ORGANIZATION = r"o-[a-z0-9]{10,32}"
ACCOUNT = r"[0-9]{12}"
