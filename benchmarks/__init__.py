"""Benchmarks: scripts that print figures and ratios, run on demand (never timed tests)."""
