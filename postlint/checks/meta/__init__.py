"""Meta: front matter and suppression comments (PL0xx)."""
