"""The raw folder sensor: files dropped into raw/ (or changed, or removed) start a run for a new
raw_batches partition, which extracts just those articles and publishes the warehouse."""

import dagster as dg

from pipeline.defs.partitions import RAW_BATCHES, new_batch_key
from pipeline.defs.resources import PipelineSettings
from pipeline.lib.ingest.changes import compare, list_files, recorded_files


@dg.sensor(
    name="raw_folder_sensor",
    target=dg.AssetSelection.all(),
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Watches raw/ (sizes and modification times, nothing is read) against the "
    "published warehouse's raw_files; on a change it adds a raw_batches partition and requests "
    "one run of the whole graph for it.",
)
def raw_folder_sensor(context: dg.SensorEvaluationContext, settings: PipelineSettings):
    root = settings.raw_root
    if not root.is_dir():
        return dg.SkipReason(f"the raw folder {root} does not exist")
    changes = compare(list_files(root), recorded_files(settings.published_path))
    if not changes.any:
        return dg.SkipReason("no new, changed or removed file under raw/")
    if context.cursor == changes.fingerprint:
        return dg.SkipReason(f"a run was already requested for: {changes.describe()}")
    key = new_batch_key()
    context.log.info(f"raw/ changed: {changes.describe()}; batch {key}")
    return dg.SensorResult(
        run_requests=[
            dg.RunRequest(
                run_key=changes.fingerprint,
                partition_key=key,
                tags={
                    "pipeline/raw_dir": str(root),
                    "pipeline/warehouse": str(settings.published_path),
                    "pipeline/changes": changes.describe()[:500],
                },
            )
        ],
        dynamic_partitions_requests=[RAW_BATCHES.build_add_request([key])],
        cursor=changes.fingerprint,
    )
