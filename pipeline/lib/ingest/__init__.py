"""Layers raw and articles: read every file under raw/ as bytes, decode it (`decoding`), account
for it or reject it with a reason (`raw_files`), parse its header (`article_headers`) and build the
tables (`folder`)."""
