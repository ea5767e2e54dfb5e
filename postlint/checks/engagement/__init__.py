"""Engagement: calls to action that invite readers to answer or act (PL4xx)."""
