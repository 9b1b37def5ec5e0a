"""Reference data kept as metadata: China's nominal GDP (`gdp`) and the catalog and unit
vocabulary as tables (`tables`)."""
