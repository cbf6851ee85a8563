"""All SQL lives here: typed functions that take a Session."""
