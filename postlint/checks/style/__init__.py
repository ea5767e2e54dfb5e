"""Style: placeholders, sentence length, readability and paragraphs (PL7xx)."""
