"""The package's build metadata: what pyproject.toml asks of its build backend."""

from __future__ import annotations

import re
import tomllib

from .conftest import ROOT


def test_regression_spdx_license_needs_setuptools_77():
    """Session-23 review, finding 17: `license = "Apache-2.0"` (PEP 639) needs setuptools 77; the floor was 68."""
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    [setuptools] = [r for r in meta["build-system"]["requires"] if r.startswith("setuptools")]
    floor = re.fullmatch(r"setuptools>=(\d+)(\.\d+)*", setuptools)
    assert floor, setuptools
    if isinstance(meta["project"]["license"], str):
        assert int(floor.group(1)) >= 77
