"""Actors: mentions normalised to ACLED's names and inter codes, linked across the article."""
