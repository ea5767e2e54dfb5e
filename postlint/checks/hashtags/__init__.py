"""Hashtags: how many, and duplicates (PL2xx)."""
