"""Declarative record form definitions and their loader/validator (headless)."""
