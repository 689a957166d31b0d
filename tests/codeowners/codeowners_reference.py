"""Straightforward reference answers the fast index must reproduce (test helpers only)."""

from __future__ import annotations

import bisect
import re
from pathlib import Path

from ownership_lint.codeowners import CodeownersFile, Rule, gitlab_normalize
from tests.conftest import SHARED

CORPUS = SHARED / "corpus"


def corpus_dirs() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.iterdir() if (p / "CODEOWNERS").is_file())


def corpus_dialect(folder: Path) -> str:
    """The SOURCE file's third line says where the file lives; ``.gitlab/`` means GitLab."""
    lines = (folder / "SOURCE").read_text().split()
    return "gitlab" if any(x.startswith(".gitlab/") for x in lines) else "github"


def _directory_stem(pattern: str) -> str | None:
    """A directory-only pattern without its trailing slash: what the directory's own path
    must match, as git reads `docs/` (the directory docs)."""
    if len(pattern) > 1 and pattern.endswith("/") and pattern != "//":
        return pattern[:-1]
    return None


class GithubReference:
    """Test every rule, last match wins, with hmarr's regexes (an independent matcher)."""

    def __init__(self, file: CodeownersFile) -> None:
        self.rules = [(rule, hmarr_regex(rule.pattern)) for rule in file.rules]
        self.stems = {
            rule.index: hmarr_regex(stem)
            for rule in file.rules
            if (stem := _directory_stem(rule.pattern)) is not None
        }

    def owner_rule(self, path: str, directory: bool = False) -> Rule | None:
        for rule, rx in reversed(self.rules):
            if rx.search(path):
                return rule
            stem = self.stems.get(rule.index) if directory else None
            if stem is not None and stem.search(path):
                return rule
        return None

    def owner_rules(self, paths: list[str]) -> dict[str, Rule | None]:
        """Every rule in file order over every path, later matches overwriting earlier ones.

        Rule-major, so a rule naming a literal root prefix only looks at the paths sharing
        that prefix (found by bisection in the sorted list): nuttx's 16,717 rules x 27,017
        files in seconds, not hours."""
        owner: dict[str, Rule | None] = dict.fromkeys(paths)
        ordered = sorted(paths)
        for rule, rx in self.rules:
            literal = _literal_root_prefix(rule.pattern)
            if literal is None:
                candidates: list[str] = ordered
            else:
                lo = bisect.bisect_left(ordered, literal)
                hi = lo
                while hi < len(ordered) and ordered[hi].startswith(literal):
                    hi += 1
                candidates = ordered[lo:hi]
            for path in candidates:
                if rx.search(path):
                    owner[path] = rule
        return owner


def _literal_root_prefix(pattern: str) -> str | None:
    """The literal text every match starts with, for an anchored wildcard-free pattern."""
    if any(c in pattern for c in "*?\\[") or pattern in ("", "/"):
        return None
    body = pattern.strip("/")
    if not pattern.startswith("/") and "/" not in body:
        return None  # floats: may match at any depth
    return body


class GitlabReference:
    """GitLab's entries_for_path, written plainly with regexes: per section, dedupe by
    normalised pattern (owners of the last occurrence, position of the first), skip the
    section when an exclusion matches, else take the latest-positioned matching entry."""

    def __init__(self, file: CodeownersFile) -> None:
        # Section names come resolved by the parser (GitLab's find_section_name, pinned in
        # test_codeowners_gitlab_sections.py): its hash key is the exact name, and the
        # default section is called "codeowners".
        sections: dict[str | None, dict[str, tuple[int, Rule]]] = {"codeowners": {}}
        for rule in file.rules:
            key = "codeowners" if rule.section is None else rule.section.name
            table = sections.setdefault(key, {})
            norm = gitlab_normalize(rule.pattern)
            first = table.get(norm)
            table[norm] = (rule.index if first is None else first[0], rule)
        self.tables = [
            [
                (prio, rule, gitlab_regex(rule.pattern), _stem_regex(rule.pattern))
                for prio, rule in table.values()
            ]
            for table in sections.values()
        ]

    def matching_rules(self, path: str, directory: bool = False) -> list[Rule]:
        out: list[Rule] = []
        for table in self.tables:
            hits = [
                (prio, rule)
                for prio, rule, rx, stem in table
                if rx.match(path) or (directory and stem is not None and stem.match(path))
            ]
            if not hits or any(rule.negated for _, rule in hits):
                continue
            out.append(max(hits, key=lambda h: h[0])[1])
        return out


def _stem_regex(pattern: str) -> re.Pattern[str] | None:
    stem = _directory_stem(pattern)
    return None if stem is None else gitlab_regex(stem)


def hmarr_regex(pattern: str) -> re.Pattern[str]:
    """hmarr/codeowners' buildPatternRegex, ported (the de-facto GitHub reference)."""
    if pattern == "/":
        return re.compile(r"\A\Z")
    segs = pattern.split("/")
    if segs[0] == "":
        segs = segs[1:]
    elif (len(segs) == 1 or (len(segs) == 2 and segs[1] == "")) and segs[0] != "**":
        segs = ["**", *segs]
    if len(segs) > 1 and segs[-1] == "":
        segs[-1] = "**"
    last = len(segs) - 1
    need_slash = False
    out = [r"\A"]
    for i, seg in enumerate(segs):
        if seg == "**":
            if i == 0 and i == last:
                out.append(".+")
            elif i == 0:
                out.append("(?:.+/)?")
                need_slash = False
            elif i == last:
                out.append("/.*")
            else:
                out.append("(?:/.+)?")
                need_slash = True
        elif seg == "*":
            if need_slash:
                out.append("/")
            out.append("[^/]+")
            need_slash = True
        else:
            if need_slash:
                out.append("/")
            escape = False
            for ch in seg:
                if escape:
                    escape = False
                    out.append(re.escape(ch))
                elif ch == "\\":
                    escape = True
                elif ch == "*":
                    out.append("[^/]*")
                elif ch == "?":
                    out.append("[^/]")
                else:
                    out.append(re.escape(ch))
            if i == last:
                out.append("(?:/.*)?")
            need_slash = True
    out.append(r"\Z")
    return re.compile("".join(out))


def gitlab_regex(pattern: str) -> re.Pattern[str]:
    """Ruby File.fnmatch(FNM_PATHNAME|FNM_DOTMATCH) of GitLab's normalised pattern, as a
    regex (no character classes: tests generate none here), matched against the path."""
    norm = gitlab_normalize(pattern)
    body = norm[1:] if norm.startswith("/") else norm
    segs = body.split("/")
    parts: list[str] = []
    for i, seg in enumerate(segs):
        last = i == len(segs) - 1
        if seg == "**" and not last:
            parts.append("(?:[^/]*/)*")
            continue
        rx = []
        j = 0
        while j < len(seg):
            ch = seg[j]
            if ch == "\\" and j + 1 < len(seg):
                rx.append(re.escape(seg[j + 1]))
                j += 2
                continue
            rx.append("[^/]*" if ch == "*" else "[^/]" if ch == "?" else re.escape(ch))
            j += 1
        parts.append("".join(rx) + ("" if last else "/"))
    return re.compile(r"\A" + "".join(parts) + r"\Z")
