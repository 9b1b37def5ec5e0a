"""Layer curated: observations and series (`observations`) and consistency findings between
them (`findings`, which builds on `observations`)."""
