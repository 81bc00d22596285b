"""Benchmarks: commands of their own (make bench, bench-levers, bench-queries), not tests."""
