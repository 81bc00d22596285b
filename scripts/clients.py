"""Generate the typed clients in clients/ from the committed openapi.json.

    python scripts/clients.py            rewrite clients/python and clients/typescript's types
    python scripts/clients.py --into D   write them under D instead (the tests compare)
    python scripts/clients.py --only python|typescript

The generators are pinned (openapi-python-client in pyproject's dev extra, openapi-typescript
in clients/typescript/package-lock.json) and run without formatters, so the output depends
only on openapi.json: regenerating a current client changes nothing, and a test holds the
committed clients to that. Either generator's warning is an error here.
"""

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OPENAPI = REPO / "openapi.json"
PYTHON_CLIENT = Path("clients/python/migraine_claims_kb_client")
TYPESCRIPT_TYPES = Path("clients/typescript/src/schema.ts")
TYPESCRIPT = REPO / "clients" / "typescript"


def generate_python(root: Path) -> Path:
    out = root / PYTHON_CLIENT
    if out.exists():
        shutil.rmtree(out)
    generator = Path(sys.executable).parent / "openapi-python-client"
    _run(
        [
            str(generator),
            "generate",
            "--path",
            str(OPENAPI),
            "--output-path",
            str(out),
            "--config",
            str(REPO / "clients" / "python" / "generator.yml"),
            "--meta",
            "none",
            "--fail-on-warning",
        ]
    )
    (out / "py.typed").write_text("# Marker file for PEP 561\n")
    return out


def generate_typescript(root: Path) -> Path:
    out = root / TYPESCRIPT_TYPES
    out.parent.mkdir(parents=True, exist_ok=True)
    generator = TYPESCRIPT / "node_modules" / ".bin" / "openapi-typescript"
    if not generator.exists():
        raise SystemExit("clients/typescript has no node_modules: run `npm ci` there first")
    # openapi-typescript has no --fail-on-warning: it warns on stderr, and that fails here.
    _run([str(generator), str(OPENAPI), "--output", str(out)], quiet=True)
    return out


GENERATORS = {"python": generate_python, "typescript": generate_typescript}


def _run(command: list[str], *, quiet: bool = False) -> None:
    """Run a generator; it fails on an error, or on any warning where `quiet`."""
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0 or (quiet and done.stderr.strip()):
        raise SystemExit(f"{Path(command[0]).name} failed:\n{done.stdout}{done.stderr}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--into", type=Path, default=REPO, help="root to write under")
    parser.add_argument("--only", choices=sorted(GENERATORS), help="one client only")
    args = parser.parse_args()
    for name, generate in GENERATORS.items():
        if args.only in (None, name):
            print(f"wrote {generate(args.into)}")


if __name__ == "__main__":
    main()
