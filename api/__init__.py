"""Migraine Claims KB: the claims of health articles as typed, tagged, source-anchored records."""
