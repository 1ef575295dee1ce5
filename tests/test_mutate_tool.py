"""tools/mutate_segment_rules.py: the audit that switches each segmentation rule off in turn."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("mutate_segment_rules", ROOT / "tools" / "mutate_segment_rules.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # (dataclasses look their module up there)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("value, change, expected", [
    (0.6, "half", 0.3),
    (0.6, "double", 1.2),
    (4, "half", 2),
    (4, "double", 8),
    (1, "half", 0),
    (0, "half", -1),  # an integer never left as it was: 0 // 2 is 0
    (0, "double", 1),
])
def test_threshold_mutants_always_change_the_value(tool, value, change, expected):
    assert tool.mutated_value(value, change) == expected


def test_mutants_cover_the_predicates_and_thresholds_segmentation_reads(tool):
    names = {m.name for m in tool.mutants()}
    assert {"segment.units._quote_rest:false", "segment.units._quote_rest:true",
            "segment.lines.is_terminal:false", "pdf.regions.is_caption:false"} <= names
    assert {"config.KICKER_WRAP_RATIO:half", "config.KICKER_WRAP_RATIO:double"} <= names
    # a number of config that no segmentation module reads is no segmentation rule
    assert not any(n.startswith("config.SUMMARY_") or n.startswith("config.TRANSLATION_") for n in names)
    # functions that answer something else than yes or no are not switched
    assert not any(n.startswith("segment.segmenter.segment_text:") for n in names)


def test_a_switched_off_rule_is_noticed_by_its_test(tool):
    # the whole path: the mutant named in the environment, applied by the plugin in a fresh pytest,
    # fails the rule's own test (units._quote_rest: a headline's rest closing its quotation)
    outcome = tool.run(tool.Mutant("segment.units._quote_rest", "false"),
                       ["tests/test_segment_rules.py::test_line_closing_the_quotation_a_headline_leaves_open_is_its_rest"])
    assert outcome.killed
    assert "test_line_closing_the_quotation" in outcome.first_failure


def test_list_prints_every_mutant_and_runs_nothing():
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "mutate_segment_rules.py"), "--list",
                           "--only", "segment.units._quote_rest"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0
    assert done.stdout.split() == ["segment.units._quote_rest:false", "segment.units._quote_rest:true"]
