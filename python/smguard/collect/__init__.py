"""Live collection from AWS (boto3 only, no judging): raw API responses into a snapshot file."""
