"""The analysts' report: one self-contained HTML page built from the published warehouse."""

from pipeline.lib.report.build import build_report, write_report

__all__ = ["build_report", "write_report"]
