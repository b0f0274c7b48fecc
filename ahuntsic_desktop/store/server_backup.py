"""Backups of a server database: ``pg_dump`` in its custom format, and ``pg_restore``.

A SQLite file is copied through SQLite's online backup (:mod:`.backups`); a server
database is dumped by PostgreSQL's own tool, which reads one consistent snapshot while
others keep working. Restoring goes either into an empty database or, once the user has
confirmed, into the same one: the current tables are dropped and the dump loaded in ONE
transaction (``psql --single-transaction``), so a failed restore leaves the database as
it was.

The password never appears on a command line (other users of the machine could read it
in the process list): it is handed to the tools in ``PGPASSWORD``. Owners and grants are
not restored (the target server may not have the same roles); the group roles' grants are
applied again when those roles exist there (:mod:`.roles`).
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.engine import URL

from ..i18n import _
from .errors import StoreError, StoreProblem

log = logging.getLogger(__name__)
DUMP_SUFFIX = ".dump"
TIMEOUT_S = 60 * 60  # a dump of a table's data takes seconds; never hang for ever
# Everything the application's schema puts in ``public``, dropped in the restore's own
# transaction before the dump's objects are created again.
_DROP_PUBLIC = """
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT viewname FROM pg_views WHERE schemaname = 'public' LOOP
    EXECUTE format('DROP VIEW IF EXISTS public.%I CASCADE', r.viewname);
  END LOOP;
  FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
    EXECUTE format('DROP TABLE IF EXISTS public.%I CASCADE', r.tablename);
  END LOOP;
  FOR r IN SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' LOOP
    EXECUTE format('DROP SEQUENCE IF EXISTS public.%I CASCADE', r.sequencename);
  END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p
           JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' LOOP
    EXECUTE format('DROP FUNCTION IF EXISTS %s CASCADE', r.f);
  END LOOP;
  FOR r IN SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
           WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd') LOOP
    EXECUTE format('DROP TYPE IF EXISTS public.%I CASCADE', r.typname);
  END LOOP;
END $$;
"""


def _major(version: str) -> int:
    match = re.search(r"(\d+)(?:\.\d+)*", version)
    return int(match.group(1)) if match else 0


def server_major(engine: Engine) -> int:
    with engine.connect() as connection:
        number = int(connection.execute(text("SHOW server_version_num")).scalar())
    return number // 10000


def find_tool(name: str, major: int | None = None) -> Path | None:
    """``pg_dump``, ``pg_restore`` or ``psql``: the one of the server's major version
    when installed (Debian keeps each in /usr/lib/postgresql/N/bin), else the one on the
    PATH. ``AHUNTSIC_PG_BIN`` names another folder (tests, a Windows install)."""
    folders = [os.environ.get("AHUNTSIC_PG_BIN", "")]
    if major:
        folders.append(f"/usr/lib/postgresql/{major}/bin")
    for folder in filter(None, folders):
        candidate = Path(folder) / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    found = shutil.which(name)
    return Path(found) if found else None


def _missing(name: str) -> StoreError:
    return StoreError(
        StoreProblem.TOOL_MISSING,
        _("L'outil « {tool} » de PostgreSQL est introuvable sur cet ordinateur.").format(tool=name),
        None,
        _(
            "Installez les outils clients de PostgreSQL (paquet « postgresql-client » sous "
            "Debian ou Ubuntu) de la même version que le serveur, puis réessayez. Rien n'a "
            "été modifié."
        ),
    )


def _tool(name: str, major: int) -> tuple[Path, int]:
    """The tool and its major version; refused when missing or older than ``major``."""
    tool = find_tool(name, major)
    if tool is None:
        raise _missing(name)
    try:
        said = subprocess.run(
            [str(tool), "--version"], capture_output=True, text=True, timeout=30, check=True
        ).stdout
    except (OSError, subprocess.SubprocessError) as error:
        log.warning("%s --version failed: %s", name, type(error).__name__)
        raise _missing(name) from error
    # "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"
    stated = re.search(r"\)\s*(\d+)", said)
    own = int(stated.group(1)) if stated else _major(said)
    if own < major:
        raise version_mismatch(name, own, major)
    return tool, own


def version_mismatch(tool: str, own: int, server: int) -> StoreError:
    return StoreError(
        StoreProblem.VERSION_MISMATCH,
        _(
            "L'outil « {tool} » installé est de la version {own} de PostgreSQL, mais le "
            "serveur est de la version {server}."
        ).format(tool=tool, own=own, server=server),
        None,
        _(
            "Installez les outils clients de PostgreSQL {server} (ou plus récents), puis "
            "réessayez. Rien n'a été modifié."
        ).format(server=server),
    )


def _connection(url: URL) -> tuple[list[str], dict[str, str]]:
    """The tools' connection options and environment: the password only in the latter."""
    args = ["--no-password"]
    if url.host:
        args += ["--host", url.host]
    if url.port:
        args += ["--port", str(url.port)]
    if url.username:
        args += ["--username", url.username]
    env = dict(os.environ, PGCONNECT_TIMEOUT="10")
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    return args, env


def _first_error(said: str | None) -> str:
    """The tool's first error line, for the log: never its DETAIL or CONTEXT lines, which
    may quote rows (names, emails)."""
    for line in (said or "").splitlines():
        if "ERROR" in line or "error" in line or "FATAL" in line:
            return line.split("DETAIL")[0][:300]
    return ""


def _failed(what: str, completed: subprocess.CompletedProcess) -> StoreError:
    said = (completed.stderr or "").strip()
    log.warning(
        "%s failed (exit %s): %s", what, completed.returncode, _first_error(completed.stderr)
    )
    if "version mismatch" in said or "unsupported version" in said:
        message = _(
            "Cette sauvegarde a été faite par une version plus récente de PostgreSQL que "
            "les outils installés ici."
        )
        return StoreError(
            StoreProblem.VERSION_MISMATCH,
            message,
            None,
            _("Installez des outils clients de PostgreSQL plus récents, puis réessayez."),
            said[-500:],
        )
    return StoreError(
        StoreProblem.FAILED,
        _("PostgreSQL a refusé l'opération ({what}).").format(what=what),
        None,
        _("Rien n'a été modifié. Les détails sont dans le journal."),
        said[-500:],
    )


def dump(engine: Engine, out: Path) -> Path:
    """Write the database behind ``engine`` to ``out`` (``pg_dump --format=custom``),
    through a temporary name: ``out`` is either complete or absent."""
    out = Path(out)
    tool, _own = _tool("pg_dump", server_major(engine))
    args, env = _connection(engine.url)
    partial = out.with_name(out.name + ".partiel")
    command = [str(tool), *args, "--format=custom", "--no-owner", "--no-acl"]
    command += ["--file", str(partial), "--dbname", str(engine.url.database)]
    try:
        completed = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=TIMEOUT_S
        )
    except (OSError, subprocess.SubprocessError) as error:
        partial.unlink(missing_ok=True)
        raise _failed(
            "pg_dump", subprocess.CompletedProcess(command, -1, "", str(error))
        ) from error
    if completed.returncode != 0:
        partial.unlink(missing_ok=True)
        raise _failed("pg_dump", completed)
    os.replace(partial, out)
    log.info("Server database dumped (%d bytes)", out.stat().st_size)
    return out


def contents(source: Path, server: int) -> str:
    """The dump's table of contents (``pg_restore --list``); refuses a file that is no
    dump of ours, or one made by newer tools."""
    tool, _own = _tool("pg_restore", server)
    completed = subprocess.run(
        [str(tool), "--list", str(source)], capture_output=True, text=True, timeout=300
    )
    if completed.returncode != 0:
        if "unsupported version" in completed.stderr:
            raise _failed("pg_restore", completed)
        raise StoreError(
            StoreProblem.NOT_DATABASE,
            _("« {name} » n'est pas une sauvegarde de serveur (pg_dump).").format(name=source.name),
            source,
            _("Choisissez un fichier « .dump » fait par Ahuntsic Desktop ou par pg_dump."),
        )
    if "alembic_version" not in completed.stdout:
        raise StoreError(
            StoreProblem.NOT_DATABASE,
            _("« {name} » n'est pas une sauvegarde d'Ahuntsic Desktop.").format(name=source.name),
            source,
        )
    return completed.stdout


def dumped_from(listing: str, server: int) -> int:
    """The major version of the server a dump was taken from, by its contents."""
    match = re.search(r"Dumped from database version: (\S+)", listing)
    return _major(match.group(1)) if match else server


def without_roles(listing: str) -> str:
    """The contents less the row-security policies, which name roles the target server
    may not have (they are applied again there: :func:`.roles.reapply_if_present`)."""
    skipped = (" POLICY ", " ROW SECURITY ")
    return "".join(
        line for line in listing.splitlines(keepends=True) if not any(s in line for s in skipped)
    )


def restore(engine: Engine, source: Path) -> None:
    """Load the dump ``source`` into the database behind ``engine``, replacing whatever
    schema and rows it holds, in one transaction. Callers ask before replacing rows."""
    source = Path(source)
    server = server_major(engine)
    listing = contents(source, server)
    origin = dumped_from(listing, server)
    if origin > server:
        raise StoreError(
            StoreProblem.VERSION_MISMATCH,
            _(
                "Cette sauvegarde vient d'un serveur PostgreSQL {origin}, plus récent que "
                "celui-ci (version {server})."
            ).format(origin=origin, server=server),
            source,
            _("Restaurez-la sur un serveur de version {origin} ou plus récente.").format(
                origin=origin
            ),
        )
    restore_tool, _own = _tool("pg_restore", server)
    psql = find_tool("psql", server)
    if psql is None:
        raise _missing("psql")
    args, env = _connection(engine.url)
    with tempfile.TemporaryDirectory() as folder:
        chosen = Path(folder) / "contents.list"
        chosen.write_text(without_roles(listing), encoding="utf-8")
        script = subprocess.run(
            [str(restore_tool), "--no-owner", "--no-acl", "--schema=public"]
            + ["--use-list", str(chosen), "--file", "-", str(source)],
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            env=env,
        )
    if script.returncode != 0:
        raise _failed("pg_restore", script)
    loaded = subprocess.run(
        [str(psql), *args, "-X", "-q", "--single-transaction", "-v", "ON_ERROR_STOP=1"]
        + ["-c", _DROP_PUBLIC, "-f", "-", "--dbname", str(engine.url.database)],
        input=script.stdout,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        env=env,
    )
    if loaded.returncode != 0:
        raise _failed("psql", loaded)
    log.info("Server database restored from a dump")
