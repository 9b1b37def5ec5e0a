"""Bookkeeping of incremental runs, kept in the schema `state` of the warehouse: what was read,
extracted and validated, and with which version of the rules (`tables`), and the version itself
(`versions`). Plain Python and SQL, no Dagster."""
