"""Industrial Internet statistics warehouse: article texts in raw/ -> validated figures in DuckDB."""

from pipeline.lib import accel as _accel

# The optional compiled build of the per-article pass, used only where it matches the source
# (pipeline/lib/accel.py; PIPELINE_ACCEL=0 switches it off).
_accel.install()
