"""Checking plans: SHACL validation against the model and the national framework, and the report a person reads."""
