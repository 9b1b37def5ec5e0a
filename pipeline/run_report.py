"""Why a run failed, one line per failure, from the result of `execute_in_process` (plain Python
over Dagster's events; `pipeline/cli_run.py` prints it).

- a failed step: its key and the error that caused it (the error raised inside Dagster's
  wrapping; "No space left on device" wins over a later rollback error that hides it);
- a failed asset check: the asset and check, the number of failures, the first offending row
  of its evidence (`column=value` pairs), and the article when the evidence names one;
- a run-level failure that no step explains (the run worker died, a resource failed ...).
"""

from __future__ import annotations

from pipeline.lib.warehouse import NO_SPACE

MAX_LINE = 400
COUNT_KEYS = ("n_failures", "n_offending", "n_failed", "n_failed_articles")
EVIDENCE_KEYS = ("failure_cases", "offending_rows", "failures")
ARTICLE_COLUMNS = ("article_file", "example_article", "file_path")


def _one_line(text: str, limit: int = MAX_LINE) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _errors(error) -> list:
    """The chain of a SerializableErrorInfo: the error, its cause, the cause's cause ..."""
    chain = []
    while error is not None and len(chain) < 20:
        chain.append(error)
        error = error.cause or error.context
    return chain


def error_reason(error) -> str:
    """The message that says why: a full disk anywhere in the chain, else the first error that
    is not Dagster's wrapping ('Error occurred while executing ...'): the one the code raised,
    which names what it was doing (its own cause is usually in its message)."""
    chain = _errors(error)
    if not chain:
        return "unknown error"
    for e in chain:
        if NO_SPACE in (e.message or ""):
            return _err_text(e)
    for e in chain:
        if not (e.cls_name or "").startswith("Dagster"):
            return _err_text(e)
    return _err_text(chain[-1])


def _err_text(e) -> str:
    message = (e.message or "").strip()
    name = e.cls_name or ""
    qualified = message.find(f".{name}:")
    if name and 0 <= qualified < 80 and " " not in message[:qualified]:
        message = message[qualified + 1 :]  # pipeline.lib.warehouse.WarehouseError: -> Warehouse..
    if name and not message.startswith(f"{name}:"):
        return f"{name}: {message}"
    return message


def _markdown_first_row(md: str) -> dict[str, str]:
    """The header and first data row of a Markdown table (as written by DataFrame.to_markdown)."""
    lines = [ln.strip() for ln in md.splitlines() if ln.strip().startswith("|")]
    if len(lines) < 3:
        return {}
    header = [c.strip() for c in lines[0].strip("|").split("|")]
    row = [c.strip() for c in lines[2].strip("|").split("|")]
    return {h: v for h, v in zip(header, row, strict=False) if h and v not in ("", "nan", "None")}


def _metadata_value(value):
    for attr in ("md_str", "value", "text"):
        if hasattr(value, attr):
            return getattr(value, attr)
    return value


def check_reason(evaluation) -> str:
    metadata = {k: _metadata_value(v) for k, v in (evaluation.metadata or {}).items()}
    parts = []
    for key in COUNT_KEYS:
        if key in metadata:
            parts.append(f"{metadata[key]} {key.removeprefix('n_').replace('_', ' ')}")
            break
    article = None
    for key in EVIDENCE_KEYS:
        md = metadata.get(key)
        if isinstance(md, str) and md.lstrip().startswith("|"):
            row = _markdown_first_row(md)
            for col in ARTICLE_COLUMNS:
                if row.get(col):
                    article = row[col]
                    break
            shown = {k: v for k, v in row.items() if k not in ARTICLE_COLUMNS and k != "index"}
            if shown:
                parts.append(
                    "e.g. " + ", ".join(f"{k}={_one_line(v, 80)}" for k, v in shown.items())
                )
            break
    if article:
        parts.append(f"article {article}")
    return "; ".join(parts) or "no evidence recorded"


def failure_lines(result) -> list[str]:
    """One line per failed step, failed asset check and unexplained run failure."""
    lines = []
    step_failed = False
    for event in result.all_events:
        kind = event.event_type_value
        if kind == "STEP_FAILURE":
            step_failed = True
            data = event.event_specific_data
            reason = error_reason(getattr(data, "error", None))
            lines.append(_one_line(f"failed step {event.step_key}: {reason}"))
        elif kind == "ASSET_CHECK_EVALUATION":
            evaluation = event.event_specific_data
            if evaluation.passed:
                continue
            name = f"{evaluation.asset_key.to_user_string()}:{evaluation.check_name}"
            lines.append(_one_line(f"failed check {name}: {check_reason(evaluation)}"))
        elif kind in ("PIPELINE_FAILURE", "RUN_FAILURE") and not step_failed:
            data = event.event_specific_data
            error = getattr(data, "error", None)
            reason = error_reason(error) if error is not None else (event.message or "")
            lines.append(_one_line(f"run failed: {reason}"))
    return lines
