"""Legal: advertising disclosure and promotional direct messages (PL5xx)."""
