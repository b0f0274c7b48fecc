"""The issue's peer for start-up: LibreOffice Calc opening a small workbook to a window on
the screen, timed from the launch as the application's start-up is. Used by ``run.py``."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from openpyxl import Workbook


def small_workbook(book: Path) -> Path:
    """A 250-row list of members, as a table would keep in a spreadsheet."""
    sheet = (workbook := Workbook()).active
    sheet.append(["Nom", "Prénom", "Courriel", "Téléphone", "Organisme", "Secteur", "Depuis"])
    for i in range(250):
        sheet.append(
            [f"Nom {i}", f"Prénom {i}", f"p{i}@exemple.org", f"514 555-{i:04d}", f"Org {i % 30}"]
            + ["communautaire", f"2020-01-{1 + i % 28:02d}"]
        )
    workbook.save(book)
    return book


def session_peak_mb(session: int) -> float:
    """The largest peak resident memory (VmHWM) among the processes of ``session``."""
    peaks = [0.0]
    for proc in Path("/proc").iterdir():
        try:
            if not proc.name.isdigit() or os.getsid(int(proc.name)) != session:
                continue
            for line in (proc / "status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peaks.append(int(line.split()[1]) / 1024)
        except (OSError, ValueError):
            continue
    return max(peaks)


def libreoffice_once(book: Path, profile: Path, env: dict) -> tuple[float, float] | None:
    """Seconds from launching LibreOffice Calc on ``book`` to its window viewable on the
    screen (polled with xwininfo every 20 ms), and its peak memory then; None if no window
    came within a minute."""
    start = time.time()
    office = subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--calc",
            str(book),
        ],
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    found = None
    try:
        while found is None and time.time() - start < 60:
            tree = subprocess.run(
                ["xwininfo", "-root", "-tree"], env=env, capture_output=True, text=True
            ).stdout
            for line in tree.splitlines():
                if f'"{book.name} - LibreOffice Calc"' in line:
                    window = subprocess.run(
                        ["xwininfo", "-id", line.split()[0]],
                        env=env,
                        capture_output=True,
                        text=True,
                    ).stdout
                    if "IsViewable" in window:
                        found = (time.time() - start, session_peak_mb(office.pid))
            time.sleep(0.02)
    finally:
        os.killpg(office.pid, signal.SIGTERM)
        office.wait()
        while session_peak_mb(office.pid):  # its soffice.bin gone before the next start
            time.sleep(0.1)
    return found
