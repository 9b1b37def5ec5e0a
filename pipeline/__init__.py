"""Industrial Internet statistics warehouse: article texts in raw/ -> validated figures in DuckDB."""
