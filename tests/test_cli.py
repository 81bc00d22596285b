"""The `kb` command, as a curator runs it."""

import contextlib
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, make_url
from typer.testing import CliRunner

from api.cli import app
from api.config import Settings
from tests.helpers import ARTICLE_CLAIMS, CLAIMS_FILE, edit_yaml
from tests.test_loader import _unknown_tag


@pytest.fixture
def kb(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """Runs `kb` against the test database, as DATABASE_URL would point it."""
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    return CliRunner()


def test_kb_load_loads_then_finds_nothing_to_change(kb: CliRunner) -> None:
    first = kb.invoke(app, ["load"])
    second = kb.invoke(app, ["load"])

    assert first.exit_code == 0, first.output
    assert f"claim: {ARTICLE_CLAIMS} inserted" in first.stdout
    assert second.exit_code == 0
    assert second.stdout.strip() == "database already matches the data; nothing changed"


def test_kb_load_refuses_bad_data_with_file_and_record(kb: CliRunner, data_dir: Path) -> None:
    assert kb.invoke(app, ["load", str(data_dir)]).exit_code == 0
    edit_yaml(data_dir, CLAIMS_FILE, _unknown_tag)

    result = kb.invoke(app, ["load", str(data_dir)])

    assert result.exit_code == 1
    assert (
        f"error: {data_dir / CLAIMS_FILE}: claim 'botox-cosmetic-use': unknown tag 'wrinkles'"
        in result.stderr
    )
    assert "refused: 1 problem found; the database is unchanged." in result.stderr
    assert kb.invoke(app, ["load", str(data_dir)]).exit_code == 1


def test_kb_check_validates_without_a_database(data_dir: Path) -> None:
    result = CliRunner().invoke(app, ["check", str(data_dir)])

    assert result.exit_code == 0
    assert result.stdout.strip() == f"ok: 1 sources, 22 tags, {ARTICLE_CLAIMS} claims"


def test_kb_creates_the_folder_of_a_new_sqlite_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/new/dir/kb.sqlite3")

    assert CliRunner().invoke(app, ["load"]).exit_code == 0
    assert (tmp_path / "new" / "dir" / "kb.sqlite3").is_file()


def test_kb_says_so_when_the_database_cannot_be_reached(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://postgres@127.0.0.1:1/test")

    result = CliRunner().invoke(app, ["load"])

    assert result.exit_code == 2
    assert "cannot use the database" in result.stderr
    assert "Traceback" not in result.output


def test_kb_keys_create_on_a_read_only_database_says_so_in_one_line(
    kb: CliRunner, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not settings.database_url.startswith("postgresql"):
        pytest.skip("a PostgreSQL replica or default_transaction_read_only")
    assert kb.invoke(app, ["load"]).exit_code == 0
    url = make_url(settings.database_url)
    options = f"{url.query.get('options', '')} -c default_transaction_read_only=on"
    read_only = url.update_query_dict({"options": options.strip()})
    monkeypatch.setenv("DATABASE_URL", read_only.render_as_string(hide_password=False))

    result = kb.invoke(app, ["keys", "create", "reader"])

    assert result.exit_code == 2
    assert "read-only transaction" in result.stderr
    assert "Traceback" not in result.output and len(result.stderr.strip().split("\n")) == 1


def test_refused_data_leaves_even_a_new_database_untouched(
    kb: CliRunner, settings: Settings, data_dir: Path
) -> None:
    edit_yaml(data_dir, CLAIMS_FILE, _unknown_tag)

    assert kb.invoke(app, ["load", str(data_dir)]).exit_code == 1
    engine = create_engine(settings.database_url)
    assert inspect(engine).get_table_names() == []
    engine.dispose()


def test_long_commands_show_their_progress_on_a_terminal_only(
    kb: CliRunner, tmp_path: Path
) -> None:
    piped = kb.invoke(app, ["synth", str(tmp_path / "piped"), "--claims", "20000"])
    terminal, shown = pty.openpty()
    command = [sys.executable, "-m", "api.cli", "synth", str(tmp_path / "seen")]
    ran = subprocess.run(
        [*command, "--claims", "20000"], stderr=shown, capture_output=False, timeout=300
    )
    os.close(shown)
    seen = b""
    with contextlib.suppress(OSError):  # the terminal's end reads EIO once all is read
        while chunk := os.read(terminal, 4096):
            seen += chunk
    os.close(terminal)

    assert piped.exit_code == 0 and piped.stderr == ""
    assert ran.returncode == 0
    assert b"10,000 of 20,000 claims" in seen and seen.endswith(b"\r\x1b[2K")
