"""Links: external links and UTM tracking (PL3xx)."""
