"""The `kb` command: check and load data/, and serve the API."""

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from typer.core import TyperGroup

from api.config import REPO_ROOT, Settings
from api.http import auth, connections
from api.logs import LOGGING, one_line
from api.store import migrate
from api.store.engine import make_engine
from api.writes import data_folder, loader
from api.writes.progress import Progress, silent
from api.writes.validation import DataError


class _DatabaseErrorsInOneLine(TyperGroup):
    """A database that cannot be reached, or refuses (read-only, full, no permission), is
    one line on standard error and exit code 2, from every command: never a traceback."""

    def invoke(self, ctx: Any) -> Any:  # typer's own click Context
        try:
            return super().invoke(ctx)
        except DBAPIError as error:
            reason = one_line(error.orig or error)
            typer.echo(f"error: cannot use the database ({reason}); check DATABASE_URL.", err=True)
            raise typer.Exit(code=2) from None


app = typer.Typer(
    cls=_DatabaseErrorsInOneLine,
    help="Migraine Claims KB: load curated claims and serve them as JSON.",
    no_args_is_help=True,
    add_completion=False,
)

GRACEFUL_SHUTDOWN_SECONDS = 10
"""After SIGTERM, requests in flight get this long to finish before the server stops."""

DataDir = Annotated[
    Path | None,
    typer.Argument(help="Data folder (default: the repo's data/).", show_default=False),
]


@contextmanager
def _progress_on_a_terminal() -> Iterator[Progress]:
    """Each step on one line of standard error, rewritten in place with the time so far,
    then wiped; nothing at all when standard error is not a terminal (piped, logged)."""
    if not sys.stderr.isatty():
        yield silent
        return
    started = time.monotonic()

    def show(step: str) -> None:
        sys.stderr.write(f"\r\x1b[2K{time.monotonic() - started:6.1f} s  {step}")
        sys.stderr.flush()

    try:
        yield show
    finally:
        sys.stderr.write("\r\x1b[2K")
        sys.stderr.flush()


def _refuse(error: DataError) -> typer.Exit:
    for problem in error.problems:
        typer.echo(f"error: {problem}", err=True)
    count = len(error.problems)
    typer.echo(
        f"refused: {count} problem{'s' * (count != 1)} found; the database is unchanged.", err=True
    )
    return typer.Exit(code=1)


@app.command()
def check(data_dir: DataDir = None) -> None:
    """Validate a data folder without touching any database."""
    settings = Settings()
    try:
        data = data_folder.read_data(data_dir or settings.data_dir)
    except DataError as error:
        raise _refuse(error) from None
    typer.echo(f"ok: {len(data.sources)} sources, {len(data.tags)} tags, {len(data.claims)} claims")


def _migrate_and_load(
    data_dir: Path | None, *, only_if_changed: bool = False, force: bool = False
) -> None:
    """Check data_dir, bring the schema up to date, then load; report or refuse plainly.

    `kb load` validates before it migrates, so refused data leaves even a new database
    untouched; `kb serve` migrates first, as it serves whatever happens.
    """
    settings = Settings()
    folder = data_dir or settings.data_dir
    engine = make_engine(settings)
    try:
        with _progress_on_a_terminal() as progress:
            if only_if_changed:
                migrate.upgrade(engine)
                report = loader.load(
                    engine=engine, data_dir=folder, only_if_changed=True, progress=progress
                )
            else:
                data = data_folder.read_data(folder, progress)
                progress("bringing the database's schema up to date")
                migrate.upgrade(engine)
                report = loader.sync(engine=engine, data=data, force=force, progress=progress)
    except DataError as error:
        raise _refuse(error) from None
    finally:
        engine.dispose()
    typer.echo(report.summary())


@app.command()
def load(
    data_dir: DataDir = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Overwrite records last edited through the API (otherwise refused: "
            "`kb export` them into data/ first).",
        ),
    ] = False,
) -> None:
    """Validate a data folder, then make the database match it in one transaction."""
    _migrate_and_load(data_dir, force=force)


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="Data folder to write (data/ to update the repo).")],
) -> None:
    """Write the database as a data folder: sources.yaml, tags.yaml, sources/ and claims/
    are replaced, anything else in the folder stays. `kb load` of it gives the same records."""
    from api.writes.data_files import write_data

    settings = Settings()
    engine = make_engine(settings)
    try:
        migrate.upgrade(engine)
        with _progress_on_a_terminal() as progress:
            counts = write_data(engine, out, progress)
    finally:
        engine.dispose()
    typer.echo(
        f"wrote {counts['sources']} sources, {counts['tags']} tags, {counts['claims']} claims "
        f"to {out}"
    )


keys = typer.Typer(help="API keys for curators: only writes need one.", no_args_is_help=True)
app.add_typer(keys, name="keys")


def _engine() -> Engine:
    engine = make_engine(Settings())
    migrate.upgrade(engine)
    return engine


@keys.command("create")
def keys_create(
    name: Annotated[str, typer.Argument(help="Whose key: a person or an app.")],
) -> None:
    """Make a key and print it: it is shown this once, and only its hash is kept."""
    engine = _engine()
    try:
        key = auth.create_key(engine, name)
    except auth.KeyNameTaken as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(code=1) from None
    finally:
        engine.dispose()
    typer.echo(key)
    typer.echo(
        f"created key {name!r}; store it now, it cannot be shown again. "
        "Send it as `Authorization: Bearer <key>`.",
        err=True,
    )


@keys.command("list")
def keys_list() -> None:
    """Every key's name, when it was made, and whether it is revoked (never the key)."""
    engine = _engine()
    try:
        for key in auth.list_keys(engine):
            state = f"revoked {key.revoked_at:%Y-%m-%d %H:%M}" if key.revoked_at else "active"
            typer.echo(f"{key.name}\tcreated {key.created_at:%Y-%m-%d %H:%M}\t{state}")
    finally:
        engine.dispose()


@keys.command("revoke")
def keys_revoke(name: Annotated[str, typer.Argument(help="The key's name.")]) -> None:
    """Revoke a key at once: its next request is a 401."""
    engine = _engine()
    try:
        revoked = auth.revoke_key(engine, name)
    finally:
        engine.dispose()
    if not revoked:
        typer.echo(f"error: no active key named {name!r}", err=True)
        raise typer.Exit(code=1)
    typer.echo(f"revoked key {name!r}")


@app.command()
def openapi(
    out: Annotated[Path, typer.Argument(help="Where to write it.")] = REPO_ROOT / "openapi.json",
) -> None:
    """Write the API's OpenAPI document: the committed contract clients build on."""
    import json

    from api.main import create_app

    document = create_app(Settings()).openapi()
    out.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    typer.echo(f"wrote {out}")


@app.command()
def synth(
    out: Annotated[Path, typer.Argument(help="Folder to write (replaced if it exists).")],
    claims: Annotated[int, typer.Option(min=1, help="Synthetic claims to generate.")] = 100_000,
    seed: Annotated[int, typer.Option(help="Random seed; the same seed gives the same data.")] = 1,
    with_article: Annotated[
        bool, typer.Option(help="Include the real data/ (the article's claims) too.")
    ] = True,
) -> None:
    """Write a synthetic data folder, loadable with `kb load OUT`, for scale tests."""
    from api.writes.synth import synthesize

    include = REPO_ROOT / "data" if with_article else None
    with _progress_on_a_terminal() as progress:
        total = synthesize(out, claims=claims, seed=seed, include=include, progress=progress)
    typer.echo(f"wrote {total} claims to {out}")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", envvar="PORT")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
) -> None:
    """Migrate, load data/ if it changed since the last load, and serve the API."""
    import uvicorn

    _migrate_and_load(None, only_if_changed=True)
    typer.echo(f"serving on http://{host}:{port} (docs at /docs)")
    uvicorn.run(
        "api.main:app",
        host=host,
        port=port,
        workers=workers,
        limit_concurrency=Settings().max_connections,
        http=connections.PROTOCOL,  # uvicorn's httptools, with a deadline for headers
        log_config=LOGGING,  # JSON lines; the API writes the access log itself
        access_log=False,
        # SIGTERM: stop taking connections, let requests in flight finish, but not forever.
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
    )


if __name__ == "__main__":
    app()
