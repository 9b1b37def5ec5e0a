"""The Kubernetes run configuration in deploy/k8s/ is valid for dagster-k8s's k8s_job_executor
running this project's graph (no cluster needed: the config is checked against the schemas)."""

from pathlib import Path

import dagster as dg
import pytest
import yaml
from dagster_k8s import k8s_job_executor

from pipeline.definitions import defs

DEPLOY = Path(__file__).resolve().parent.parent / "deploy" / "k8s"


def test_the_k8s_run_config_is_valid_for_the_graph():
    job = dg.define_asset_job("whole_graph_k8s", selection="*", executor_def=k8s_job_executor)
    resolved = dg.Definitions.merge(defs(), dg.Definitions(jobs=[job])).resolve_job_def(
        "whole_graph_k8s"
    )
    run_config = yaml.safe_load((DEPLOY / "run_config.yaml").read_text())
    dg.validate_run_config(resolved, run_config)  # raises on an unknown or wrong key

    run_config["execution"]["config"]["volume_mount"] = []  # a typo is caught
    with pytest.raises(dg.DagsterInvalidConfigError):
        dg.validate_run_config(resolved, run_config)


def test_the_instance_settings_limit_the_warehouse_pool_to_one_writer():
    from pipeline.defs.resources import WAREHOUSE_POOL

    instance = yaml.safe_load((DEPLOY / "dagster.yaml").read_text())
    assert instance["concurrency"]["pools"]["default_limit"] == 1
    pools = {p for node in defs().resolve_asset_graph().asset_nodes for p in (node.pools or set())}
    assert pools == {WAREHOUSE_POOL}
