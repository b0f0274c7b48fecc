"""One click for an access request: the readable PDF and the structured JSON file of
everything the file holds about the person, side by side in a folder, and the request
recorded (received today when none was open) and marked answered."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..services.privacy import access
from ..services.privacy.dossier import person_file
from ..store import Database


@dataclass(frozen=True)
class AccessPackage:
    pdf: Path
    json: Path
    request_id: int
    request: access.RequestInfo


def file_stem(person_id: int, day: dt.date) -> str:
    """``demande-acces-dossier-12-2026-11-26``: no name in the file name."""
    return f"demande-acces-dossier-{person_id}-{day:%Y-%m-%d}"


def produce_access_package(
    db: Database,
    person_id: int,
    folder: Path | str,
    *,
    request_id: int | None = None,
    complete: bool = True,
    now: dt.datetime | None = None,
) -> AccessPackage:
    """Write ``<folder>/demande-acces-dossier-<id>-<date>.pdf`` and ``.json``.

    The request answered is ``request_id``, else the person's open access request, else a
    new one received today. With ``complete`` it is marked answered today.
    """
    from .json_access import write_person_file_json
    from .pdf.access_report import write_access_report

    now = (now or dt.datetime.now()).replace(microsecond=0)
    today = now.date()
    folder = Path(folder)
    if request_id is None:
        current = access.open_request_of(db, person_id)
        request_id = (
            current.id
            if current is not None
            else access.open_request(db, person_id, received_on=today, today=today)
        )
    request = access.get_request(db, request_id)
    contents = person_file(db, person_id, now=now)
    stem = file_stem(person_id, today)
    pdf = write_access_report(folder / f"{stem}.pdf", contents, request)
    json_path = write_person_file_json(folder / f"{stem}.json", contents, request)
    if complete and request.completed_on is None:
        access.complete_request(db, request_id, max(today, request.received_on))
        request = access.get_request(db, request_id)
    return AccessPackage(pdf, json_path, request_id, request)
