"""One input's work as a function: text → Segment → model stages → records with provenance.

`Pipeline.build` loads the models once for a run; `Pipeline.process` does one
input's text and can be called anywhere. A batch's unit of work (reading, the
pages a jump joins, outputs and markers) is unit.Runner.process, which both
engines call with a pipeline (issue 11).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .errors import OutputError, disk_full
from .io.read import PageText, ReadOptions
from .io.sources import Input
from .io.write import describe_os_error
from .jobs import Interrupted, Progress, run_jobs
from .models.base import ModelError
from .models.loader import Models
from .models.registry import resolve
from .options import TASKS, StageOptions
from .records import Article
from .signature import RunSignature
from .stages import Stage
from .stages.segment import Segment
from .stages.summarize import LeadSummarizer, ModelSummarizer, Summarize
from .stages.translate import Translate


def build_stages(tasks: tuple[str, ...], opts: StageOptions, models: Models) -> list[Stage]:
    """The stages for the tasks asked for, models loaded; a task whose method is `none` has no stage.

    Raises ModelError for a model that cannot be had or a method of the wrong task.
    """
    stages: list[Stage] = []
    if "summarize" in tasks and opts.summarizer != "none":
        spec = resolve(opts.summarizer, "summarize")
        summarizer = LeadSummarizer() if spec.builtin else ModelSummarizer(models.get(opts.summarizer, "summarize"),
                                                                           opts)
        stages.append(Summarize(summarizer, opts.on_degenerate))
    if "translate" in tasks and opts.translator != "none":
        resolve(opts.translator, "translate")
        stages.append(Translate(models.get(opts.translator, "translate"), opts))
    return stages


@dataclass
class Pipeline:
    """A run's steps and their signature."""

    stages: list[Stage]
    segment: Segment = field(default_factory=Segment)
    models: Models | None = None

    @classmethod
    def build(cls, tasks: tuple[str, ...], opts: StageOptions, read: ReadOptions | None = None) -> Pipeline:
        """Load what the tasks need (ModelError when a model cannot be had)."""
        models = Models(opts)
        return cls(build_stages(tasks, opts, models), Segment(read), models)

    @cached_property
    def signature(self) -> RunSignature:
        """The run's signature (its stages and their models do not change once built)."""
        return RunSignature.of([self.segment, *self.stages])

    @property
    def device(self) -> str | None:
        """The device the models run on, once one is loaded."""
        return self.models.device if self.models else None

    def apply(self, articles: list[Article], progress: Progress | None = None) -> None:
        """Run the model stages over one input's articles and stamp their provenance.

        A stage that raises on the batch is run again article by article, so
        only the article it fails on carries the error (rule 4): a record
        holding a lone surrogate once killed a whole `translate` run
        (session-23 review). A full disk is the machine's failure, not an
        article's: it stops the run (exit 3) instead of marking every article.
        """
        for stage in self.stages:
            try:
                stage(articles, progress)
            except Interrupted:
                raise
            except Exception as e:  # noqa: BLE001 - a bug or an input the model cannot take, in some article
                _raise_if_machine(stage, e)
                _one_by_one(stage, articles, progress)
        meta = self.signature.meta()
        for a in articles:
            a.meta.update(meta)

    def process(self, page: PageText, progress: Progress | None = None) -> Input:
        """One input's records: segmented (or read back), then through every stage."""
        src = self.segment(page)
        if not src.error:
            self.apply(src.articles, progress)
        return src


def _one_by_one(stage: Stage, articles: list[Article], progress: Progress | None) -> None:
    """Run a stage that raised on a batch over each article alone; one it still raises on gets the error."""
    for a in articles:
        if a.kind != "article":  # (stages leave fragments alone)
            continue
        try:
            stage([a], progress)
        except Interrupted:
            raise
        except Exception as e:  # noqa: BLE001
            _raise_if_machine(stage, e)
            a.errors.append(f"{stage.error_prefix}internal error ({type(e).__name__}: {e}); please report it "
                            "with this article")
            a.status = "error"


def _raise_if_machine(stage: Stage, e: Exception) -> None:
    """Stop the run with OutputError when a stage failed because the disk is full or over quota.

    The session-23 hostile test filled the disk under a model's scratch files:
    every later article got the same error record and the run "finished" with
    exit 1, where a rerun after freeing space is what the user needs.
    """
    full = disk_full(e)
    if full is not None:
        raise OutputError(f"{stage.error_prefix or 'a model stage: '}cannot write: {describe_os_error(full)}") from e


__all__ = ["Interrupted", "ModelError", "Models", "Pipeline", "StageOptions", "TASKS", "build_stages", "run_jobs"]
