"""The raw_batches partitions: each is one arrival of new or changed files under raw/ (a run of
`python -m pipeline run`, or a sensor tick that saw files appear). The extraction tables are
partitioned by it: a partition's run extracts the articles that arrived with it."""

from __future__ import annotations

import datetime as dt
import secrets

import dagster as dg

RAW_BATCHES = dg.DynamicPartitionsDefinition(name="raw_batches")


def new_batch_key(now: dt.datetime | None = None) -> str:
    """A sortable, unique key: UTC time of the arrival and a random suffix."""
    now = now or dt.datetime.now(dt.UTC)
    return now.strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)


def run_batch_keys(context) -> list[str]:
    """The raw_batches partitions the current run covers (none for an unpartitioned run)."""
    if getattr(context, "has_partition_key", False) and context.has_partition_key:
        try:
            return list(context.partition_keys)
        except Exception:
            return [context.partition_key]
    tags = context.run.tags
    if "dagster/partition" in tags:
        return [tags["dagster/partition"]]
    start = tags.get("dagster/asset_partition_range_start")
    end = tags.get("dagster/asset_partition_range_end")
    if start and end:
        keys = context.instance.get_dynamic_partitions(RAW_BATCHES.name)
        if start in keys and end in keys:
            return keys[keys.index(start) : keys.index(end) + 1]
    return []
