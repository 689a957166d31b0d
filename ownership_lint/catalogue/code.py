"""What a finding code is: a stable code, a name, a default severity, the explanation a user
reads, and executable examples. Plain data: every layer that reports findings uses it, and it
uses nothing of ours but `findings`."""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from dataclasses import KW_ONLY, dataclass, field
from types import MappingProxyType

from ownership_lint.findings import Finding, Location, Severity

# Files relative to the repository root, laid over the example team (None removes a file).
Files = Mapping[str, str | None]


@dataclass(frozen=True, eq=False)
class Code:
    """One finding code. `doc` is the explanation (its first paragraph the summary);
    `example_fail` makes this code, and no other, fire on the example team; `example_pass` is a
    small change of the same files (or nothing: the example team itself) that passes."""

    code: str
    name: str
    _: KW_ONLY
    doc: str
    severity: Severity = Severity.ERROR
    example_fail: Files = field(default_factory=dict)
    example_pass: Files = field(default_factory=dict)
    # Runs only when selected by its exact code (or a flag such as --unowned).
    opt_in: bool = False
    # An integrity check guards what a generated CODEOWNERS file grants: it always runs, and
    # no configuration (`select`, `ignore`, `severity`), inline suppression or `--base`
    # ratchet drops or downgrades its findings. The repository under check is hostile.
    integrity: bool = False
    # Runs only when the tracked files are known (git's index, or --paths-from).
    needs_tracked_files: bool = False

    def __post_init__(self) -> None:
        # Written as indented triple-quoted text beside the other fields.
        object.__setattr__(self, "doc", inspect.cleandoc(self.doc))
        object.__setattr__(self, "example_fail", MappingProxyType(dict(self.example_fail)))
        object.__setattr__(self, "example_pass", MappingProxyType(dict(self.example_pass)))

    def summary(self) -> str:
        first_paragraph = self.doc.split("\n\n", 1)[0]
        return " ".join(first_paragraph.split())

    def finding(
        self,
        location: Location,
        message: str,
        hint: str = "",
        *,
        severity: Severity | None = None,
        subject: str = "",
        related: tuple[Location, ...] = (),
    ) -> Finding:
        return Finding(
            code=self.code,
            name=self.name,
            severity=severity or self.severity,
            location=location,
            message=message,
            hint=hint,
            subject=subject,
            related=related,
        )
