"""Use cases. Each owns its transaction, validates, writes through the ChangeWriter, and returns
what changed so that the window can refresh from it."""
