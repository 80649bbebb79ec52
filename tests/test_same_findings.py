"""Work done for speed changes no finding: `rasoat check --format json` (vi and en) on every real
document of ../shared gives the same bytes as the reference in tests/data/findings-digest.json
(tools/findings_snapshot.py; retake it with --write only after a change of findings made on
purpose, and say so in the commit)."""
from __future__ import annotations

import importlib.util

from .conftest import ROOT, needs_shared

_spec = importlib.util.spec_from_file_location("findings_snapshot", ROOT / "tools" / "findings_snapshot.py")
snapshot = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(snapshot)


@needs_shared
def test_findings_byte_identical_to_the_reference():
    ref = snapshot.json.loads(snapshot.REFERENCE.read_text(encoding="utf-8"))
    now = snapshot.digest()
    assert len(now["files"]) == len(snapshot.files()) > 25
    assert snapshot.compare(ref, now) == []


def test_a_changed_finding_is_named_with_its_file_and_code():
    ref = {"files": {"seeds/a.txt": {"sha256": {"vi": "1", "en": "2"}, "codes": {"D201": 2}}}}
    now = {"files": {"seeds/a.txt": {"sha256": {"vi": "3", "en": "2"}, "codes": {"D201": 1, "L701": 1}}}}
    assert snapshot.compare(ref, now) == ["seeds/a.txt (vi): D201 2→1, L701 0→1"]
