"""Load one YAML file into plain data that remembers where every key and value came from.

PyYAML's own loaders lose positions, silently keep the last of two duplicate keys, recurse once
per nesting level and expand aliases without limit. This loader consumes the parser's event
stream directly (the C parser when available), so it runs iteratively in one pass, reports
every such problem as a finding, and never constructs anything but plain data.

One cohesive algorithm (the event-stream builder and its limits), kept in one module on
purpose.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from ownership_lint.catalogue.syntax import (
    DUPLICATE_KEY,
    ENCODING,
    IMPLICIT_BOOLEAN,
    INPUT_LIMITS,
    TAB_INDENTATION,
    UNSAFE_TAG,
    YAML_SYNTAX,
)
from ownership_lint.findings import Finding, Location
from ownership_lint.loading.text import NotText, conflict_markers, decode

Path = tuple[str | int, ...]

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64
MAX_VALUES = 100_000
MAX_NUMBER = 64  # characters; longer "numbers" are kept as text

_PARSER: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER = Resolver()
_CONSTRUCTOR = SafeConstructor()

_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"
_VALUE = "tag:yaml.org,2002:value"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


@dataclass(frozen=True)
class Span:
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class Implicit:
    """A plain scalar that YAML 1.1 turned into something other than text."""

    text: str
    tag: str


@dataclass
class Document:
    path: str
    data: Any = None
    spans: dict[Path, Span] = field(default_factory=dict)
    key_spans: dict[Path, Span] = field(default_factory=dict)
    implicit: dict[Path, Implicit] = field(default_factory=dict)

    def span(self, path: Path) -> Span:
        """The span of the value at `path`, or of its closest ancestor that has one."""
        for end in range(len(path), -1, -1):
            found = self.spans.get(path[:end])
            if found is not None:
                return found
        return Span(1, 1, 1, 1)

    def key_span(self, path: Path) -> Span:
        return self.key_spans.get(path) or self.span(path)

    def location(self, path: Path, *, key: bool = False) -> Location:
        s = self.key_span(path) if key else self.span(path)
        return Location(self.path, s.line, s.column, s.end_line, s.end_column)


class _Abort(Exception):
    """Stop loading this file: the finding that explains why is already recorded."""


def _span(event: Any) -> Span:
    start, end = event.start_mark, event.end_mark
    return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


@dataclass
class _Frame:
    path: Path
    value: dict[str, Any] | list[Any]
    span: Span
    anchor: str | None
    size: int = 1
    key: str | None = None
    skip_value: bool = False  # the value of a duplicate or unusable key


class _Builder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.findings: list[Finding] = []
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.total = 0
        self.expanded = 0  # of `total`, the values that aliases stand for
        self.documents = 0

    def loc(self, span: Span) -> Location:
        return Location(self.doc.path, span.line, span.column, span.end_line, span.end_column)

    def child_path(self) -> Path:
        top = self.stack[-1]
        if isinstance(top.value, list):
            return (*top.path, len(top.value))
        return (*top.path, top.key or "")

    def expecting_key(self) -> bool:
        return (
            bool(self.stack)
            and isinstance(self.stack[-1].value, dict)
            and (self.stack[-1].key is None and not self.stack[-1].skip_value)
        )

    def count(self, size: int, span: Span, *, alias: bool = False) -> None:
        self.total += size
        if alias:
            self.expanded += size
        if self.total > MAX_VALUES:
            # Say which limit was met: a long file, or aliases standing for many values.
            if self.expanded:
                message = (
                    f"aliases expand the document to more than {MAX_VALUES:,} values "
                    f"({self.expanded:,} of them through aliases)"
                )
                hint = "a team file needs no aliases of aliases; write the values out"
            else:
                message = f"the file holds more than {MAX_VALUES:,} values"
                hint = "split the team definition, or remove generated bulk from this file"
            self.findings.append(INPUT_LIMITS.finding(self.loc(span), message, hint))
            raise _Abort

    def feed(self, event: Any) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.findings.append(
                    YAML_SYNTAX.finding(
                        self.loc(_span(event)),
                        "the file holds more than one YAML document",
                        "keep one document per file: remove the '---' separator",
                    )
                )
                raise _Abort
        elif isinstance(event, yaml.ScalarEvent):
            self.scalar(event)
        elif isinstance(event, yaml.AliasEvent):
            self.alias(event)
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            self.start(event)
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            frame = self.stack.pop()
            if frame.anchor:
                self.anchors[frame.anchor] = (frame.value, frame.size)
            self.attach(frame.value, frame.span, frame.size)

    def start(self, event: Any) -> None:
        span = _span(event)
        is_map = isinstance(event, yaml.MappingStartEvent)
        if self.expecting_key():
            self.findings.append(
                YAML_SYNTAX.finding(
                    self.loc(span),
                    "a mapping or list cannot be used as a key",
                    "keys are plain words such as 'title'",
                )
            )
            raise _Abort
        if len(self.stack) >= MAX_DEPTH:
            self.findings.append(
                INPUT_LIMITS.finding(
                    self.loc(span),
                    f"the document is nested deeper than {MAX_DEPTH} levels",
                    "team files are a few levels deep; this looks like generated or hostile input",
                )
            )
            raise _Abort
        expected = _MAP if is_map else _SEQ
        if event.tag not in (None, "!", expected):
            self.unsafe_tag(event.tag, span)
        self.count(1, span)
        path = self.child_path() if self.stack else ()
        self.stack.append(_Frame(path, {} if is_map else [], span, event.anchor))

    def scalar(self, event: Any) -> None:
        span = _span(event)
        value, tag = self.resolve(event, span)
        self.count(1, span)
        if event.anchor:
            self.anchors[event.anchor] = (value, 1)
        if self.expecting_key():
            self.key(event.value, tag, span)
            return
        path = self.child_path() if self.stack else ()
        if tag in (_BOOL, _INT, _FLOAT, _NULL) and event.implicit[0]:
            self.doc.implicit[path] = Implicit(event.value, tag)
        self.attach(value, span, 1)

    def alias(self, event: Any) -> None:
        span = _span(event)
        if event.anchor not in self.anchors:
            self.findings.append(
                YAML_SYNTAX.finding(
                    self.loc(span), f"unknown alias '*{event.anchor}'", "define the anchor first"
                )
            )
            raise _Abort
        value, size = self.anchors[event.anchor]
        self.count(size, span, alias=True)
        if self.expecting_key():
            if not isinstance(value, str):
                self.findings.append(
                    YAML_SYNTAX.finding(
                        self.loc(span), "an alias used as a key must stand for text"
                    )
                )
                raise _Abort
            self.key(value, _STR, span)
            return
        # Shared, never copied: values are read-only from here on, and size was counted above.
        self.attach(value, span, size)

    def key(self, text: str, tag: str, span: Span) -> None:
        frame = self.stack[-1]
        assert isinstance(frame.value, dict)
        if tag == _MERGE:
            self.findings.append(
                UNSAFE_TAG.finding(
                    self.loc(span),
                    "merge keys ('<<') are not supported",
                    "write the merged keys out in this mapping",
                )
            )
            frame.skip_value = True
            return
        if tag == _BOOL:
            self.findings.append(
                IMPLICIT_BOOLEAN.finding(
                    self.loc(span),
                    f"the key '{text}' is read as a boolean by YAML 1.1",
                    f"quote it: '{text}':",
                )
            )
        if text in frame.value:
            first = self.doc.key_spans[(*frame.path, text)]
            self.findings.append(
                DUPLICATE_KEY.finding(
                    self.loc(span),
                    f"duplicate key '{text}' (first at line {first.line})",
                    "remove one of the two: most YAML tools silently keep only the last",
                )
            )
            frame.skip_value = True
            return
        frame.key = text
        self.doc.key_spans[(*frame.path, text)] = span

    def attach(self, value: Any, span: Span, size: int) -> None:
        if not self.stack:
            self.doc.data = value
            self.doc.spans[()] = span
            return
        frame = self.stack[-1]
        frame.size += size
        if isinstance(frame.value, list):
            self.doc.spans[(*frame.path, len(frame.value))] = span
            frame.value.append(value)
        elif frame.skip_value:
            frame.skip_value = False
        else:
            assert frame.key is not None
            self.doc.spans[(*frame.path, frame.key)] = span
            frame.value[frame.key] = value
            frame.key = None

    def resolve(self, event: Any, span: Span) -> tuple[Any, str]:
        tag = event.tag
        if tag in (None, "!"):
            tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
        text: str = event.value
        if tag in (_INT, _FLOAT) and len(text) > MAX_NUMBER:
            # PyYAML builds YAML 1.1 base-60 numbers (1:00:00...) in quadratic time.
            return text, _STR
        node = yaml.ScalarNode(tag, text)
        try:
            if tag == _BOOL:
                return _CONSTRUCTOR.construct_yaml_bool(node), tag
            if tag == _INT:
                return _CONSTRUCTOR.construct_yaml_int(node), tag
            if tag == _FLOAT:
                return _CONSTRUCTOR.construct_yaml_float(node), tag
        except (ValueError, KeyError, IndexError, yaml.YAMLError):
            # An explicit tag on text it does not fit (`!!int ""`, `!!bool maybe`).
            self.findings.append(
                YAML_SYNTAX.finding(self.loc(span), f"'{text}' is not a valid {tag[18:]}")
            )
            return text, _STR
        if tag == _NULL:
            return None, tag
        if tag in (_STR, _TIMESTAMP, _VALUE, _MERGE):
            # Dates stay text: the schemas check their format, and text is what users wrote.
            return text, tag
        self.unsafe_tag(tag, span)
        return text, _STR

    def unsafe_tag(self, tag: str, span: Span) -> None:
        self.findings.append(
            UNSAFE_TAG.finding(
                self.loc(span),
                f"the tag '{tag}' is not allowed",
                "team files hold plain text, numbers, lists and mappings: remove the tag",
            )
        )


def load_yaml(raw: bytes, path: str) -> tuple[Document | None, list[Finding]]:
    """Parse `raw` (the bytes of the file at repo-relative `path`) into a Document.

    Returns no Document when the file cannot be read as data at all; the findings say why.
    """
    if len(raw) > MAX_BYTES:
        return None, [
            INPUT_LIMITS.finding(
                Location(path),
                f"the file is {len(raw):,} bytes; team files are limited to {MAX_BYTES:,}",
                "split the definition into smaller files",
            )
        ]
    try:
        text = decode(raw)
    except NotText as err:
        return None, [ENCODING.finding(err.location(path), err.message, err.hint)]
    findings = conflict_markers(text, path)
    if findings:
        return None, findings
    doc = Document(path)
    builder = _Builder(doc)
    try:
        for event in yaml.parse(text, Loader=_PARSER):
            builder.feed(event)
    except _Abort:
        return None, builder.findings
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = " ".join(part for part in (err.problem, err.context) if part) or str(err)
        lines = text.splitlines()
        if "tab" in problem or (
            line <= len(lines) and lines[line - 1][column - 1 : column] == "\t"
        ):
            # Tabs are fine inside text; the parser fails only on tabs that indent.
            builder.findings.append(
                TAB_INDENTATION.finding(
                    Location(path, line, column),
                    "tab character in indentation",
                    "indent with spaces only",
                )
            )
            return None, builder.findings
        if "nesting depth" in problem:
            # Some libyaml builds cap nesting themselves, scanning ahead of our own limit.
            builder.findings.append(
                INPUT_LIMITS.finding(
                    Location(path, line, column),
                    f"the document is nested deeper than {MAX_DEPTH} levels",
                    "team files are a few levels deep; this looks like generated or hostile input",
                )
            )
            return None, builder.findings
        builder.findings.append(
            YAML_SYNTAX.finding(
                Location(path, line, column),
                f"invalid YAML: {problem}",
                "check indentation, quotes and brackets just before this position",
            )
        )
        return None, builder.findings
    except yaml.YAMLError as err:
        builder.findings.append(YAML_SYNTAX.finding(Location(path), f"invalid YAML: {err}"))
        return None, builder.findings
    return doc, builder.findings
