"""Asking questions: the saved queries and their headers, ad-hoc SPARQL, answers and their formats, time limits, remote endpoints."""
