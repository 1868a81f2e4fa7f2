"""Commands for the archive's upkeep: check (and repair), backup, restore."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from app.archive import backup, integrity
from app.archive.folder import Archive
from app.cli.common import Command, Opener, dump_json
from app.search import service as search


def _progress(err: TextIO, label: str, done: int, total: int) -> None:
    if err.isatty() and total:
        err.write(f"\r\x1b[K{label}: {done}/{total}")
        err.flush()


def _clear(err: TextIO) -> None:
    if err.isatty():
        err.write("\r\x1b[K")


def _print_report(report: integrity.IntegrityReport, out: TextIO) -> None:
    c = report.counts
    out.write(f"{c.get('documents', 0)} documents, {c.get('indexed', 0)} indexed, {c.get('pending', 0)} pending, "
              f"{c.get('annotations', 0)} annotations\n")  # fmt: skip
    if report.ok:
        out.write("The archive is consistent.\n")
    for p in report.problems:
        out.write(f"problem ({p.kind}): {p.detail}\n")


def commands(open_archive: Opener) -> dict[str, Command]:
    def cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
        with open_archive(args) as archive:
            report = integrity.check(archive)
            found = report
            repaired: list[dict[str, Any]] = []
            if args.repair and not report.ok:
                archive.require_writable()  # a read-only archive is checked, never repaired
                for step in integrity.repair(archive, report):
                    _progress(err, f"Repairing ({step.step})", step.done, step.total)
                    if step.message:
                        _clear(err)
                        repaired.append({"step": step.step, "message": step.message, "failed": step.failed})
                _clear(err)
                found, report = report, integrity.check(archive)
        if args.json:
            payload = report.to_json()
            if args.repair:
                payload["found"] = [p.to_json() for p in found.problems]
                payload["repaired"] = repaired
            dump_json(payload, out)
        else:
            if repaired:
                out.write(f"Found {len(found.problems)} problem(s); repair:\n")
                for r in repaired:
                    out.write(f"  {r['message']}\n")
                out.write("After repair: ")
            _print_report(report, out)
            if not report.ok and not args.repair and any(p.repairable for p in report.problems):
                out.write("Run `check --repair` to fix the repairable problems.\n")
        return 0 if report.ok else 1

    def cmd_backup(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
        dest = Path(args.dest)
        with open_archive(args) as archive:
            if archive.read_only_note:
                err.write(f"dossier: {archive.read_only_note}\n")
            files = 0
            for step in backup.backup(archive, dest):
                _progress(err, f"Backing up ({step.phase})", step.done, step.total)
                if step.phase == backup.ORIGINALS:
                    files = step.done
            _clear(err)
        originals = f" and {files} original file(s)" if files else ""
        out.write(f"Backed up the archive{originals} to {dest.resolve()}. "
                  "The search index is not copied: it is rebuilt when the backup is opened.\n")  # fmt: skip
        return 0

    def cmd_restore(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
        target = backup.restore(Path(args.backup), Path(args.target))
        with Archive.open(target, create=False) as archive:
            for step in search.rebuild(archive):
                _progress(err, "Rebuilding the search index", step.done, step.total)
            _clear(err)
            report = integrity.check(archive, quick=True)
        out.write(f"Restored {report.counts.get('documents', 0)} documents to {target}; "
                  f"open it with --archive {target}.\n")  # fmt: skip
        return 0

    return {"check": cmd_check, "backup": cmd_backup, "restore": cmd_restore}
