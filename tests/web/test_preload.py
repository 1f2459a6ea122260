"""templates/index.html preloads every module of the first paint, so none waits for its importer."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
JS = ROOT / "static" / "js"
STATIC_IMPORT = re.compile(r'^import\s[^;]*?from\s+"\./([\w./-]+)";', re.MULTILINE | re.DOTALL)


def _first_paint_modules(entry: str) -> set[str]:
    """`entry` and what it imports statically, transitively (not the later `import()`s)."""
    seen, todo = set(), [entry]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo += STATIC_IMPORT.findall((JS / name).read_text(encoding="utf-8"))
    return seen


def test_every_module_of_the_first_paint_is_preloaded() -> None:
    html = (ROOT / "templates" / "index.html").read_text(encoding="utf-8")
    preloaded = set(re.findall(r'rel="modulepreload" href="static/js/([\w./-]+)"', html))
    needed = _first_paint_modules("main.js")
    assert needed - preloaded == set()
    assert len(needed) > 20  # the import scan found the graph
