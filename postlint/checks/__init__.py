"""Rule modules, one per rule, grouped in family packages (PL0xx meta, PL1xx length, ...)."""
