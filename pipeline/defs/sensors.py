"""The raw folder sensor: files dropped into raw/ (or changed, or removed) start a run for a new
raw_batches partition, which extracts just those articles and publishes the warehouse."""

import os
import time

import dagster as dg

from pipeline.defs.partitions import RAW_BATCHES, new_batch_key
from pipeline.defs.resources import PipelineSettings
from pipeline.lib.ingest.changes import (
    SensorState,
    compare,
    directory_stamp,
    list_files,
    recorded_files,
)


@dg.sensor(
    name="raw_folder_sensor",
    target=dg.AssetSelection.all(),
    # the daemon looks at its sensors every 5 s; an interval of 5 made a look that came a
    # moment early wait for the next one (10 s between evaluations): 1 evaluates at every look
    minimum_interval_seconds=1,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Watches raw/ (sizes and modification times, nothing is read) against the "
    "published warehouse's raw_files; on a change it adds a raw_batches partition and requests "
    "one run of the whole graph for it. Every 5 s it looks at the folders' modification times "
    "(a file added, removed or renamed); the full comparison runs when they moved, and at "
    "least once a minute (a file rewritten in place).",
)
def raw_folder_sensor(context: dg.SensorEvaluationContext, settings: PipelineSettings):
    root = settings.raw_root
    if not root.is_dir():
        return dg.SkipReason(f"the raw folder {root} does not exist")
    state = SensorState.parse(context.cursor)
    now = time.time()
    stamp = directory_stamp(root)  # before the listing: a file added meanwhile moves it again
    if not state.needs_full_check(stamp, now):
        return dg.SkipReason("no file added, removed or renamed under raw/ (folder times)")
    changes = compare(list_files(root), recorded_files(settings.published_path))
    if not changes.any:
        state = SensorState(stamp, now, state.requested)
        return dg.SensorResult(
            skip_reason="no new, changed or removed file under raw/", cursor=state.dump()
        )
    # the same changes against another published file (the same file removed again after it
    # came back, say) are another request: the run key names the published file's version too
    run_key = f"{changes.fingerprint}-{_published_version(settings.published_path)}"
    if state.requested == run_key:
        state = SensorState(stamp, now, state.requested)
        return dg.SensorResult(
            skip_reason=f"a run was already requested for: {changes.describe()}",
            cursor=state.dump(),
        )
    key = new_batch_key()
    context.log.info(f"raw/ changed: {changes.describe()}; batch {key}")
    return dg.SensorResult(
        run_requests=[
            dg.RunRequest(
                run_key=run_key,
                partition_key=key,
                tags={
                    "pipeline/raw_dir": str(root),
                    "pipeline/warehouse": str(settings.published_path),
                    "pipeline/changes": changes.describe()[:500],
                },
            )
        ],
        dynamic_partitions_requests=[RAW_BATCHES.build_add_request([key])],
        cursor=SensorState(stamp, now, run_key).dump(),
    )


def _published_version(path) -> str:
    """The published file's modification time and size (publish replaces the file by a rename),
    or "none" before the first publish."""
    try:
        st = os.stat(path)
    except OSError:
        return "none"
    return f"{st.st_mtime_ns:x}{st.st_size:x}"
