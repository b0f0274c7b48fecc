"""The ``ahuntsic-desktop`` command: the window by default, sub-commands for headless work."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from . import __version__
from .i18n import _

log = logging.getLogger(__name__)


def _iso_date(text: str):
    """An argparse type: a date written AAAA-MM-JJ, refused in French otherwise."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("date invalide « {text} » ; écrivez-la AAAA-MM-JJ.").format(text=text)
        ) from None


def _file_or_server(text: str) -> Path | str:
    """A data file's path, or a server's URL kept as typed (a Path would mangle ``//``)."""
    from .store import is_server_url

    return text if is_server_url(text) else Path(text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ahuntsic-desktop",
        description=_("Secrétariat hors ligne d'une table de quartier."),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db", type=_file_or_server, help=_("fichier de données ou serveur (postgresql://…)")
    )
    parser.add_argument(
        "--demo", action="store_true", help=_("ouvrir des données de démonstration fictives")
    )
    parser.add_argument("--lang", choices=["fr", "en"], help=_("langue de l'interface"))
    parser.add_argument("--verbose", action="store_true", help=_("journal détaillé"))
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=_("vérifier l'installation sans écran (fichier fictif, un classeur, un PDF)"),
    )
    commands = parser.add_subparsers(dest="command")

    demo = commands.add_parser("demo", help=_("écrire un fichier de démonstration fictif"))
    demo.add_argument("path", type=Path)
    demo.add_argument("--scale", type=int, default=1, help=_("multiplier la taille des données"))
    demo.add_argument("--seed", type=int, default=2026)
    demo.add_argument(
        "--today",
        type=_iso_date,
        metavar="AAAA-MM-JJ",
        help=_("date autour de laquelle les données sont faites (aujourd'hui par défaut)"),
    )

    backup = commands.add_parser(
        "backup", help=_("copier un fichier de données sans risque (pg_dump sur un serveur)")
    )
    backup.add_argument("--db", type=_file_or_server, required=True, dest="source")
    backup.add_argument("--out", type=Path, required=True)
    restore = commands.add_parser(
        "restore", help=_("remettre une sauvegarde de serveur (.dump) dans une base PostgreSQL")
    )
    restore.add_argument("--from", type=Path, required=True, dest="source", help=".dump")
    restore.add_argument("--to", required=True, dest="target", help="postgresql://…")
    restore.add_argument(
        "--replace", action="store_true", help=_("remplacer le contenu d'une base non vide")
    )

    check = commands.add_parser("check", help=_("vérifier qu'un fichier de données est sain"))
    check.add_argument("--db", type=Path, required=True, dest="source")
    _add_export_parser(commands)
    copy = commands.add_parser(
        "copy",
        help=_("copier toutes les données d'un fichier vers un serveur PostgreSQL, ou l'inverse"),
    )
    copy.add_argument("--from", required=True, dest="source", help=_("fichier ou postgresql://…"))
    copy.add_argument("--to", required=True, dest="target", help=_("fichier ou postgresql://…"))
    copy.add_argument(
        "--replace", action="store_true", help=_("remplacer le contenu d'une cible non vide")
    )
    roles = commands.add_parser(
        "roles", help=_("créer les rôles du serveur (coordination, équipe, CA) et leurs droits")
    )
    roles.add_argument("--db", required=True, dest="source", help="postgresql://…")
    roles.add_argument(
        "--chantier-lead",
        metavar="UTILISATEUR",
        help=_("faire de cet utilisateur du serveur le responsable des chantiers --chantier"),
    )
    roles.add_argument(
        "--chantier", type=int, action="append", default=[], metavar="ID", help=_("chantier")
    )
    return parser


def _add_export_parser(commands) -> None:
    from .exports.catalog import KINDS

    export = commands.add_parser(
        "export",
        help=_("produire un document (Excel, PDF ou calendrier .ics) sans ouvrir la fenêtre"),
        description=_("Documents : {names}.").format(
            names=", ".join(f"{kind.key} ({kind.title})" for kind in KINDS)
        ),
    )
    export.add_argument("kind", metavar="DOCUMENT", help=_("le document à produire"))
    export.add_argument("--db", type=Path, required=True, dest="source")
    export.add_argument("--out", type=Path, required=True, help=_("fichier à écrire"))
    export.add_argument("--from", dest="start", metavar="AAAA-MM-JJ", help=_("début de la période"))
    export.add_argument("--to", dest="end", metavar="AAAA-MM-JJ", help=_("fin de la période"))
    export.add_argument("--body", metavar="CODE", help=_("instance : AG, CC, CH..."))
    export.add_argument("--funder", metavar="ID", help=_("numéro du bailleur de fonds"))
    export.add_argument("--plan", metavar="ID", help=_("numéro du plan d'action"))
    export.add_argument(
        "--include-contacts",
        action="store_true",
        help=_("ajouter les coordonnées des personnes qui y ont consenti"),
    )
    export.add_argument(
        "--beyond-today",
        action="store_true",
        help=_("compter la période au-delà d'aujourd'hui (par défaut, on s'arrête à aujourd'hui)"),
    )
    export.add_argument(
        "--today",
        type=_iso_date,
        metavar="AAAA-MM-JJ",
        help=_("date du document (aujourd'hui par défaut)"),
    )


def _fail(message: str) -> int:
    print(_("Erreur : {message}").format(message=message), file=sys.stderr)
    return 1


def run_demo(args: argparse.Namespace) -> int:
    from .services.core.errors import ValidationError
    from .services.demo import write_demo_file
    from .store import StoreError

    if args.scale < 1:
        return _fail(_("l'échelle doit être un entier positif."))
    try:
        summary = write_demo_file(args.path, scale=args.scale, seed=args.seed, today=args.today)
    except (ValidationError, StoreError) as error:
        return _fail(error.message)
    print(_("Données de démonstration fictives écrites dans {path}").format(path=args.path))
    print(summary)
    return 0


def run_backup(args: argparse.Namespace) -> int:
    from .store import Database, StoreError, is_server_url
    from .store.engine import sqlite_backup

    if args.out.exists():
        return _fail(_("« {path} » existe déjà.").format(path=args.out))
    if is_server_url(args.source):
        from .cli_server import backup_server

        return backup_server(args)
    try:
        Database.open(args.source, read_only=True).close()
        sqlite_backup(args.source, args.out)
    except StoreError as error:
        return _fail(error.message)
    print(_("Copie écrite dans {path}").format(path=args.out))
    return 0


def run_check(args: argparse.Namespace) -> int:
    from .store import Database, StoreError

    try:
        database = Database.open(args.source, read_only=True)
    except StoreError as error:
        return _fail(error.message)
    database.close()
    print(_("Le fichier est sain."))
    return 0


def _parse_date(text: str | None, option: str):
    import datetime as dt

    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(
            _("{option} : date invalide « {text} » ; écrivez-la AAAA-MM-JJ.").format(
                option=option, text=text
            )
        ) from None


def _parse_id(text: str | None, option: str) -> int | None:
    if text is None:
        return None
    if not text.strip().isdigit():
        raise ValueError(
            _("{option} : « {text} » n'est pas un numéro.").format(option=option, text=text)
        )
    return int(text)


def run_export(args: argparse.Namespace) -> int:
    from .exports.catalog import ExportOptions, get_kind
    from .exports.catalog import run_export as export
    from .services.core.errors import ValidationError
    from .services.funding import report as funder_report
    from .store import Database, StoreError

    try:
        kind = get_kind(args.kind)
        options = ExportOptions(
            start=_parse_date(args.start, "--from"),
            end=_parse_date(args.end, "--to"),
            body=(args.body or "").strip().upper() or None,
            funder_id=_parse_id(args.funder, "--funder"),
            plan_id=_parse_id(args.plan, "--plan"),
            include_contacts=args.include_contacts,
            beyond_today=args.beyond_today,
            today=args.today,
        )
    except ValidationError as error:
        return _fail(error.message)
    except ValueError as error:
        return _fail(str(error))
    if not args.out.parent.is_dir():
        return _fail(_("le dossier « {folder} » n'existe pas.").format(folder=args.out.parent))
    try:
        database = Database.open(args.source, read_only=True)
    except StoreError as error:
        return _fail(error.message)
    try:
        path = export(database, kind.key, args.out, options)
    except ValidationError as error:
        hints = {
            "period": " " + _("(--from AAAA-MM-JJ --to AAAA-MM-JJ)"),
            "funder": " " + _("(--funder ID)"),
            "funder_id": " " + _("(--funder ID)"),
        }
        message = error.message + hints.get(error.field or "", "")
        if error.field in ("funder", "funder_id"):
            known = "; ".join(f"{c.value} {c.text}" for c in funder_report.funder_choices(database))
            if known:
                message += " " + _("Bailleurs de fonds connus : {known}.").format(known=known)
        return _fail(message)
    finally:
        database.close()
    print(_("{title} écrit dans {path}").format(title=kind.title, path=path))
    return 0


def run_self_test() -> int:
    import datetime as dt

    from .selftest import run
    from .ui.help.self_test import open_window

    return run(dt.date.today(), open_window=open_window)


COMMANDS = ("demo", "backup", "restore", "check", "export", "copy", "roles")


def file_argument(argv: list[str]) -> list[str]:
    """A lone file path, as the desktop entry, Windows' file association and "Open with"
    pass it (``ahuntsic-desktop table.sqlite``), is read as ``--db table.sqlite``."""
    if len(argv) == 1 and not argv[0].startswith("-") and argv[0] not in COMMANDS:
        return ["--db", argv[0]]
    return argv


def main(argv: list[str] | None = None) -> int:
    from . import i18n
    from .logs import setup_logging

    args = build_parser().parse_args(file_argument(sys.argv[1:] if argv is None else argv))
    if args.lang:
        i18n.set_locale("en_CA" if args.lang == "en" else "fr_CA")
    if args.self_test:
        return run_self_test()
    setup_logging(args.verbose)
    try:
        if args.command == "demo":
            return run_demo(args)
        if args.command == "backup":
            return run_backup(args)
        if args.command in ("restore", "copy", "roles"):
            from . import cli_server

            run = {"restore": cli_server.run_restore, "copy": cli_server.run_copy}
            return run.get(args.command, cli_server.run_roles)(args)
        if args.command == "check":
            return run_check(args)
        if args.command == "export":
            return run_export(args)
        from .ui.app import run_gui

        return run_gui(db_path=args.db, demo=args.demo, language=args.lang)
    except Exception:  # the last net: log it, say where the log is, never a traceback
        from .paths import log_path

        log.exception("Unexpected error in command %s", args.command)
        return _fail(
            _("une erreur inattendue est survenue ; les détails sont dans {path}").format(
                path=log_path()
            )
        )
