"""The layout the code keeps. api/ is grouped by role: each package (and each module
that stands beside them, but the entry points) says in its docstring what of ours it may
import, on a line `Imports: ...`, and no module of it imports past that. So records
know nothing of storage, storage nothing of HTTP, and `ls api/` shows the architecture."""

import ast
import importlib
import re
from pathlib import Path

import pytest

API = Path(__file__).resolve().parent.parent / "api"
ENTRY_POINTS = {"main", "cli"}
"""They assemble everything: they may import anything."""
PARTS = sorted(
    path.stem if path.is_file() else path.name
    for path in API.iterdir()
    if (path.suffix == ".py" or (path / "__init__.py").exists()) and path.stem != "__init__"
)


def allowed(part: str) -> set[str]:
    """The parts of api/ that `part` says it may import, besides itself."""
    doc = importlib.import_module(f"api.{part}").__doc__ or ""
    line = re.search(r"^Imports: (.*)$", doc, re.M)
    assert line is not None, f"api.{part} does not say what it may import"
    said = line.group(1).rstrip(".")
    return set() if said == "nothing of ours" else {name.strip() for name in said.split(",")}


def imported_parts(path: Path) -> set[str]:
    """The parts of api/ that a module imports (api.PART..., or `from api import PART`)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module is not None:
            names = [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        found |= {name.split(".")[1] for name in names if name.startswith("api.")}
    return found


def test_the_top_of_api_holds_only_the_entry_points_and_the_role_packages() -> None:
    assert set(PARTS) == ENTRY_POINTS | {
        "config",
        "errors",
        "logs",
        "records",
        "store",
        "writes",
        "formats",
        "http",
    }


@pytest.mark.parametrize("part", [part for part in PARTS if part not in ENTRY_POINTS])
def test_no_module_imports_past_what_its_part_says(part: str) -> None:
    permitted = allowed(part) | {part}
    assert permitted <= set(PARTS), f"api.{part} names parts that do not exist"
    root = API / part
    modules = sorted(root.rglob("*.py")) if root.is_dir() else [API / f"{part}.py"]
    trespasses = {
        str(module.relative_to(API)): sorted(imported_parts(module) - permitted)
        for module in modules
        if imported_parts(module) - permitted
    }
    assert trespasses == {}
