"""Outreach: connection notes and direct messages to one person (PL8xx)."""
