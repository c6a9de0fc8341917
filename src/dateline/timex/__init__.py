"""Time expressions: detection, TIMEX3 normalisation against the dateline, event dates."""
