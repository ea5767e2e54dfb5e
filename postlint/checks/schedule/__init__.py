"""Schedule: posting frequency per account and channel, across all drafts of a run (PL6xx)."""
