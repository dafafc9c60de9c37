"""Checkov checks mirroring smguard's rules: ``checkov --external-checks-dir "$(smguard checkov-dir)"``.

Checkov loads every module of this folder by its bare file name; each module registers one check.
"""
