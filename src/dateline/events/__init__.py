"""Events: detection, ACLED classification, counts, factuality, attribution, merging, notes."""
