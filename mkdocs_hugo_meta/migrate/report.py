"""What a migration did and what it leaves to the user, printed as one plain-text report."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Report:
    source: str
    dest: str
    dry_run: bool = False
    config_files: list[str] = field(default_factory=list)
    mapped: list[tuple[str, str]] = field(default_factory=list)
    """(Hugo setting, where it went in mkdocs.yml)."""
    manual: list[tuple[str, str]] = field(default_factory=list)
    """(``file:line``, what has no counterpart and why): left for a hand."""
    notes: list[str] = field(default_factory=list)
    """What was read or written differently from Hugo, worth knowing but needing nothing."""
    copied: dict[str, int] = field(default_factory=dict)
    """What was copied (``pages``, ``resources``, ``static files``) → how many files."""
    shortcodes: list[str] = field(default_factory=list)
    """Ported shortcode templates, as ``layouts/…/x.html → shortcodes/x.html``."""
    needs: list[str] = field(default_factory=list)
    """Python packages the result needs that are not installed here."""
    command: str = ""

    def map(self, hugo: str, target: str) -> None:
        self.mapped.append((hugo, target))

    def left(self, where: str, what: str) -> None:
        self.manual.append((where, what))

    def render(self) -> str:
        verb = "Would migrate" if self.dry_run else "Migrated"
        out = [f"{verb} Hugo site {self.source} -> {self.dest}", ""]
        if self.config_files:
            out.append("Config read: " + ", ".join(self.config_files))
            out.append("")
        if self.mapped:
            out.append(f"Mapped ({len(self.mapped)}):")
            width = max(len(hugo) for hugo, _ in self.mapped)
            out += [f"  {hugo.ljust(width)}  ->  {target}" for hugo, target in self.mapped]
            out.append("")
        if self.copied:
            out.append("Copied: " + ", ".join(f"{n} {what}" for what, n in self.copied.items()))
            out.append("")
        if self.shortcodes:
            out.append(f"Shortcodes ported ({len(self.shortcodes)}):")
            out += [f"  {line}" for line in self.shortcodes]
            out.append("")
        if self.manual:
            out.append(f"No counterpart, left for you ({len(self.manual)}):")
            out += [f"  {where}: {what}" for where, what in self.manual]
            out.append("")
        if self.notes:
            out.append("Notes:")
            out += [f"  {note}" for note in self.notes]
            out.append("")
        if self.needs:
            out.append("Install first: pip install " + " ".join(self.needs))
        if self.command:
            out.append("Serve it: " + self.command)
        return "\n".join(out).rstrip() + "\n"
