"""Measure a run: segmentation against gold pages, translations and abstracts against references, two runs compared.

Each module is glue over a maintained scorer where one exists (sacreBLEU,
Google's rouge-score); the segmentation score has the semantics of
../shared/tools/segscore.py. Installed with the `eval` extra.
"""
