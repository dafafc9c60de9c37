"""smguard: policy-as-code for AWS SageMaker security."""

__version__ = "0.1.0"
