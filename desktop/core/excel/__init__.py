"""Excel import and export (headless): safe reading, header finding, value parsing, writing."""
