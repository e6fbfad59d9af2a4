"""Orchestrators: short functions that call the stages in order for one CLI job each."""
