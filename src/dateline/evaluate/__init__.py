"""Evaluation harnesses over public data sets (paths given by the user)."""
