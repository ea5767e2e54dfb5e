"""Length: recommended lengths and hard character limits per channel and type (PL1xx)."""
