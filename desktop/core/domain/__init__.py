"""Business rules that are not storage: what counts as trained, which allowance is in force, indicators."""
