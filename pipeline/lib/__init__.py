"""Domain logic of the pipeline: plain Python, no Dagster imports, testable by calling functions."""
