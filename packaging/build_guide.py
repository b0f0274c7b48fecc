"""Make the user guide's HTML from its Markdown (markdown-it-py, CommonMark and tables):

    .venv/bin/python packaging/build_guide.py          write resources/guide/{fr,en}.html
    .venv/bin/python packaging/build_guide.py --check  fail if they differ (CI, tests)

docs/guide/LANG.md shows screenshots as ../screenshots/NAME.png (docs/screenshots, made by
docs/make_screenshots.py); the HTML in resources/guide/ reaches the same files through
../../docs/screenshots/, in a checkout as in the bundle (the spec ships docs/screenshots).
"""

from __future__ import annotations

import sys
from html import escape
from pathlib import Path

from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "docs" / "guide"
TARGET = ROOT / "resources" / "guide"
LANGUAGES = ("fr", "en")
IMAGE_WIDTH = 640  # QTextBrowser shows images at their own size otherwise


def render(markdown: str, language: str) -> str:
    parser = MarkdownIt("commonmark").enable("table")

    def image(renderer, tokens, index, options, env):
        token = tokens[index]
        source = str(token.attrGet("src")).replace("../screenshots/", "../../docs/screenshots/")
        alt = escape(renderer.renderInlineAsText(token.children or [], options, env))
        return f'<img src="{escape(source)}" alt="{alt}" width="{IMAGE_WIDTH}">'

    parser.add_render_rule("image", image)
    body = parser.render(markdown)
    title = escape(markdown.splitlines()[0].lstrip("# ").strip())
    return (
        f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )


def main(argv: list[str]) -> int:
    stale = []
    for language in LANGUAGES:
        html = render((SOURCE / f"{language}.md").read_text(encoding="utf-8"), language)
        target = TARGET / f"{language}.html"
        if "--check" in argv:
            if not target.exists() or target.read_text(encoding="utf-8") != html:
                stale.append(str(target.relative_to(ROOT)))
        else:
            TARGET.mkdir(parents=True, exist_ok=True)
            target.write_text(html, encoding="utf-8")
    if stale:
        print("Guide out of date, run packaging/build_guide.py: " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
