"""The analysts' report: report.html beside the published warehouse, rebuilt by every run from the
published file (opened read-only); the charts of indicators whose data did not change are kept
from the last run. The page is built by pipeline.lib.report."""

import time

import dagster as dg

from pipeline.defs.resources import PipelineSettings
from pipeline.lib import warehouse
from pipeline.lib.report import write_report

REPORT_NAME = "report.html"
REPORT_CACHE = "report_sections"


@dg.asset(
    deps=["published_warehouse"],
    group_name="publish",
    kinds={"html"},
    description="A self-contained HTML page beside the published warehouse: each indicator's "
    "series as a chart (every source a point with its outlet, date and quote; the chosen value "
    "a line; forecasts, targets, conflicts and findings marked), plus the quarantine and "
    "ingest-reject summaries. Read from the published file, read-only.",
)
def report(context: dg.AssetExecutionContext, settings: PipelineSettings) -> dg.MaterializeResult:
    published = settings.published_path
    out = published.parent / REPORT_NAME
    t0 = time.monotonic()
    # the sections of unchanged indicators are kept beside the build copy between runs
    stats: dict = {}
    write_report(published, out, cache_dir=settings.build_path.parent / REPORT_CACHE, stats=stats)
    context.log.info(f"wrote {out}")
    # the copy publish started for the next build, if it still runs (it ran beside the report)
    error = warehouse.wait_for_next_build()
    if error is not None:
        context.log.warning(
            f"the next build copy was not made ({type(error).__name__}: {error}); the next run "
            "copies the published file first"
        )
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(out)),
            "size_bytes": out.stat().st_size,
            "n_charts": stats["n_charts"],
            "seconds": round(time.monotonic() - t0, 3),
        }
    )
