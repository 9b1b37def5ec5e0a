"""Layers raw and articles: scan raw/, decode, reject what cannot be an article, parse headers."""

import dagster as dg

from pipeline.defs.checks import md
from pipeline.defs.resources import PipelineSettings
from pipeline.defs.tables import table_out
from pipeline.lib.ingest.folder import ingest_folder


@dg.multi_asset(
    outs={
        "raw_files": table_out("raw_files"),
        "ingest_rejects": table_out("ingest_rejects"),
        "articles": table_out("articles"),
    },
)
def ingest(context: dg.AssetExecutionContext, settings: PipelineSettings):
    tables = ingest_folder(settings.raw_root, settings.file_limit, progress=context.log.info)
    rf, rej, art = tables.raw_files, tables.ingest_rejects, tables.articles
    outcome_counts = rf["outcome"].value_counts().to_dict()
    yield dg.Output(
        rf,
        output_name="raw_files",
        metadata={
            "raw_dir": str(settings.raw_root),
            "n_files": len(rf),
            **{f"n_{k}": int(v) for k, v in outcome_counts.items()},
            "preview": md(rf.drop(columns=["sha256"])),
        },
    )
    yield dg.Output(
        rej,
        output_name="ingest_rejects",
        metadata={"n_rejects": len(rej), "preview": md(rej)},
    )
    dated = art["published_date"].notna()
    yield dg.Output(
        art,
        output_name="articles",
        metadata={
            "n_articles": len(art),
            "n_dated": int(dated.sum()),
            "date_basis": dg.MetadataValue.json(
                art["date_basis"].fillna("none").value_counts().to_dict()
            ),
            "preview": md(art[["article_file", "published_date", "date_basis", "outlet", "title"]]),
        },
    )
