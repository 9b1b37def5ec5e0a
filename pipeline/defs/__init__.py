"""Dagster definitions, loaded the `dg` way from this folder: thin assets and checks that call
the domain logic in `pipeline.lib` and attach metadata for the UI."""
