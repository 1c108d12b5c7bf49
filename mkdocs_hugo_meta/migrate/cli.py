"""The ``hugo-meta`` console command."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from . import THEMES, MigrateError, migrate


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="hugo-meta", description="Tools for moving Hugo sites to MkDocs."
    )
    commands = top.add_subparsers(dest="command", required=True)
    run = commands.add_parser(
        "migrate",
        help="turn a Hugo site into an MkDocs site",
        description="Write DEST/mkdocs.yml from the Hugo config, copy content/ into "
        "DEST/docs/ and static/ into DEST/static/, port the site's shortcodes, and print "
        "a report. The Hugo site is never written to.",
    )
    run.add_argument("hugo_site", type=Path, metavar="HUGO_SITE")
    run.add_argument("dest", type=Path, metavar="DEST")
    run.add_argument("--theme", choices=THEMES, default="material",
                     help="MkDocs theme of the result (default: material)")  # fmt: skip
    run.add_argument("--force", action="store_true", help="write into a DEST that is not empty")
    run.add_argument("--dry-run", action="store_true", help="print the report, write nothing")
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    # Progress goes to stderr through logging; the report is the only thing on stdout.
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    try:
        report = migrate(args.hugo_site, args.dest, args.theme, args.force, args.dry_run)
    except MigrateError as error:
        print(f"hugo-meta migrate: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(report.render())
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
