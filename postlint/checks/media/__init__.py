"""Media: the images, videos and documents a post carries, as its `attachments:` describe them (PL4xx)."""
