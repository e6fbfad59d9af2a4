"""The structure the code promises: imports run one way (cli -> pipeline -> stages ->
models), SQL stays in archive/, readers and matching know nothing of each other, and no
module imports, at load time, a module that imports it back."""

from __future__ import annotations

import ast
from itertools import pairwise
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "castdigest"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, ast.Module]:
    return {
        module_name(p): ast.parse(p.read_text(encoding="utf-8"))
        for p in sorted(PACKAGE.rglob("*.py"))
    }


def load_time_imports(tree: ast.Module) -> set[str]:
    """castdigest modules imported when the module loads (not inside functions, not under
    TYPE_CHECKING)."""
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        for sub in ast.walk(node) if not isinstance(node, ast.FunctionDef | ast.ClassDef) else []:
            if isinstance(sub, ast.ImportFrom) and sub.module and sub.level == 0:
                names = [f"{sub.module}.{a.name}" for a in sub.names]
                found |= {sub.module, *names}
            elif isinstance(sub, ast.Import):
                found |= {a.name for a in sub.names}
    return {n for n in found if n.startswith("castdigest")}


def all_imports(tree: ast.Module) -> set[str]:
    found: set[str] = set()
    for sub in ast.walk(tree):
        if isinstance(sub, ast.ImportFrom) and sub.module:
            found |= {sub.module, *(f"{sub.module}.{a.name}" for a in sub.names)}
        elif isinstance(sub, ast.Import):
            found |= {a.name for a in sub.names}
    return found


def test_no_import_cycle_at_load_time() -> None:
    mods = modules()
    graph = {name: load_time_imports(tree) & set(mods) for name, tree in mods.items()}
    cycles = []
    for start in graph:
        stack, seen = [(start, [start])], set()
        while stack:
            node, path = stack.pop()
            for nxt in graph[node]:
                if nxt == start and len(path) > 1 and not _is_package_of(path):
                    cycles.append(" -> ".join([*path, nxt]))
                elif nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, [*path, nxt]))
    assert cycles == []


def _is_package_of(path: list[str]) -> bool:
    """A package importing its own submodules (its __init__ re-exporting them) and they the
    package's siblings is how a package loads, not a cycle."""
    return any(b.startswith(a + ".") for a, b in pairwise(path))


def test_sql_stays_in_the_archive() -> None:
    """No module outside archive/ reaches for the archive's connection."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if (PACKAGE / "archive") in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            reached = isinstance(node, ast.Attribute) and node.attr in {"conn", "memo"}
            if reached and "archive" in ast.unparse(node.value):
                offenders.append(f"{module_name(path)}: {ast.unparse(node)}")
    assert offenders == []


def test_only_the_archive_opens_sqlite() -> None:
    """sqlite3 itself (connections, its errors) is imported in archive/ alone; the rest
    catches `archive.errors.ARCHIVE_ERRORS` and serves requests through `archive.requests`."""
    mods = modules()
    outside = sorted(
        name
        for name, tree in mods.items()
        if not name.startswith("castdigest.archive") and "sqlite3" in all_imports(tree)
    )
    assert outside == []


def test_readers_and_matching_know_nothing_of_each_other() -> None:
    mods = modules()
    readers = {n for n in mods if n.startswith("castdigest.readers")}
    for name in readers:
        imported = all_imports(mods[name])
        assert not {i for i in imported if i.startswith("castdigest.dedupe")}, name
        assert "castdigest.dedupe" not in {i.rsplit(".", 1)[0] for i in imported}, name
        assert not any(i == "castdigest.dedupe" or i.endswith(".dedupe") for i in imported)
    imported = all_imports(mods["castdigest.dedupe"])
    assert not {i for i in imported if i.startswith(("castdigest.readers", "castdigest.pipeline"))}


def test_stages_do_not_import_the_pipeline_or_the_cli() -> None:
    mods = modules()
    upper = ("castdigest.cli", "castdigest.pipeline")
    for name, tree in mods.items():
        if name.startswith(upper) or name == "castdigest.__main__":
            continue
        reached = {i for i in all_imports(tree) if i.startswith(upper)}
        assert not reached, (name, reached)


def test_matching_knows_no_reader_by_name() -> None:
    """What a source can tell is on its SourceRef (`file_title`, `linked_file`), said by its
    reader: identification and merging never test a reader's name."""
    names = ('"vtt"', '"srt"', '"transcript-json"', '"transcript-html"', '"chapters-json"')
    for module in ("dedupe.py", "merge.py", "pipeline/identify.py"):
        text = (PACKAGE / module).read_text(encoding="utf-8")
        assert [n for n in names if n in text] == [], module
