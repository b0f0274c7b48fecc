"""Maps and pictures of the portrait, stored in the data file (it stays one file).

Only PNG and JPEG are accepted, recognised by their content (signature, then decoded by
Pillow, which reportlab already requires), never by the file's name, and at most
:data:`MAX_BYTES`; past that the refusal says so in French."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from ...domain import PortraitImage
from ...i18n import _
from ...store import Database
from ..core import NotFoundError, ValidationError
from ..core import validation as v

log = logging.getLogger(__name__)

MAX_BYTES = 5 * 1024 * 1024
MAX_SIDE = 12000  # pixels: a larger picture is a decompression bomb, not a map
SIGNATURES = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"))
PIL_FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg"}


@dataclass(frozen=True)
class ImageForm:
    caption: str
    theme: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class ImageRow:
    id: int
    caption: str
    theme: str
    source: str | None
    media_type: str
    width: int
    height: int
    size: int  # bytes


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f}".replace(".", ",")


def too_big(size: int) -> ValidationError:
    return ValidationError(
        _("L'image pèse {size} Mo : la limite est de {max} Mo. Réduisez-la puis réessayez.")
        .format(size=_megabytes(size), max=_megabytes(MAX_BYTES)),
        "file",
    )  # fmt: skip


def check_image(data: bytes) -> tuple[str, int, int]:
    """The media type, width and height of ``data``, or a French ValidationError."""
    if len(data) > MAX_BYTES:
        raise too_big(len(data))
    media_type = next((t for sig, t in SIGNATURES if data.startswith(sig)), None)
    if media_type is None:
        raise ValidationError(
            _("Ce fichier n'est pas une image PNG ou JPEG : seuls ces deux formats sont acceptés."),
            "file",
        )
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            found, (width, height) = PIL_FORMATS.get(image.format or ""), image.size
            if found != media_type or not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE):
                raise ValueError("format or size")
            image.load()  # decodes every pixel: a truncated file fails here
    except Exception as error:  # Pillow raises many kinds on damaged files
        log.info("Portrait image refused: %s", type(error).__name__)
        raise ValidationError(
            _("Cette image est endommagée ou trop grande ({max} pixels de côté au plus).")
            .format(max=MAX_SIDE),
            "file",
        ) from error  # fmt: skip
    return media_type, width, height


def _clean(form: ImageForm) -> dict:
    return {
        "caption": v.required_text(form.caption, "caption", _("Légende"), max_length=300),
        "theme": v.optional_text(form.theme, "theme", _("Thème"), max_length=120) or "",
        "source": v.optional_text(form.source, "source", _("Source"), max_length=300),
    }


def add_image(db: Database, form: ImageForm, data: bytes) -> int:
    values = _clean(form)
    media_type, width, height = check_image(data)
    with db.session() as session:
        last = session.scalar(select(PortraitImage.position).order_by(
            PortraitImage.position.desc()).limit(1))  # fmt: skip
        record = PortraitImage(
            **values, media_type=media_type, data=data, width=width, height=height,
            position=(last or 0) + 1,
        )  # fmt: skip
        session.add(record)
        session.flush()
        return record.id


def add_image_file(db: Database, form: ImageForm, path: Path | str) -> int:
    """Read ``path`` (refused before reading when it is too big) and add it."""
    path = Path(path)
    try:
        size = path.stat().st_size
        data = b"" if size > MAX_BYTES else path.read_bytes()
    except OSError as error:
        raise ValidationError(
            _("Impossible de lire « {path} » : {reason}.").format(
                path=path.name, reason=error.strerror or error
            ),
            "file",
        ) from error
    if size > MAX_BYTES:
        raise too_big(size)
    return add_image(db, form, data)


def update_image(db: Database, image_id: int, form: ImageForm) -> None:
    values = _clean(form)
    with db.session() as session:
        record = session.get(PortraitImage, image_id)
        if record is None:
            raise NotFoundError(_("Cette image n'existe plus."), "id")
        for key, value in values.items():
            setattr(record, key, value)


def delete_image(db: Database, image_id: int) -> None:
    with db.session() as session:
        record = session.get(PortraitImage, image_id)
        if record is None:
            raise NotFoundError(_("Cette image n'existe plus."), "id")
        session.delete(record)


def list_images(db: Database) -> list[ImageRow]:
    """Every image without its bytes."""
    p = PortraitImage
    query = select(
        p.id, p.caption, p.theme, p.source, p.media_type, p.width, p.height, func.length(p.data)
    ).order_by(p.position, p.id)
    with db.session() as session:
        rows = session.execute(query).all()
    return [ImageRow(*row) for row in rows]


def image_data(db: Database, image_id: int) -> bytes:
    with db.session() as session:
        data = session.scalar(select(PortraitImage.data).where(PortraitImage.id == image_id))
    if data is None:
        raise NotFoundError(_("Cette image n'existe plus."), "id")
    return data
