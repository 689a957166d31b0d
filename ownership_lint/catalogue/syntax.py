"""Syntax and encoding: what the YAML loader reports before any schema is looked at
(OL001-OL009)."""

from __future__ import annotations

from ownership_lint.catalogue.code import Code
from ownership_lint.catalogue.example_team import BASE_TEAM, SRE, edited

YAML_SYNTAX = Code(
    "OL001",
    "yaml-syntax",
    doc="""
    The file is not valid YAML.

    The loader stops at the first syntax error of a file (nothing after it can be trusted)
    and reports it at the position the YAML parser gave up.
    """,
    example_fail={SRE: "id: sre\ntitle: [unclosed\n"},
)

DUPLICATE_KEY = Code(
    "OL002",
    "duplicate-key",
    doc="""
    A mapping has the same key twice.

    Most YAML libraries silently keep the last value, so one of the two is lost without a word.
    The second occurrence is reported; the first one is what ownership-lint reads.
    """,
    example_fail={
        SRE: edited(
            SRE,
            "title: Site Reliability Engineer\n",
            "title: SRE\ntitle: Site Reliability Engineer\n",
        )
    },
)

IMPLICIT_BOOLEAN = Code(
    "OL003",
    "implicit-boolean",
    doc="""
    An unquoted word that YAML 1.1 reads as a boolean where text is meant.

    `no`, `yes`, `on`, `off`, `true` and `false` (any case) become booleans in PyYAML and in
    most tools that follow YAML 1.1 (the Norway problem). Quote the value to keep the text.
    """,
    example_fail={SRE: edited(SRE, "title: Site Reliability Engineer", "title: no")},
    example_pass={SRE: edited(SRE, "title: Site Reliability Engineer", "title: 'no'")},
)

IMPLICIT_NUMBER = Code(
    "OL004",
    "implicit-number",
    doc="""
    An unquoted value that YAML reads as a number where text is meant.

    `1.10` becomes the float 1.1, `010` may become 8, `1_000` becomes 1000. Quote the value
    to keep the text exactly as written.
    """,
    example_fail={SRE: edited(SRE, "title: Site Reliability Engineer", "title: 1.10")},
    example_pass={SRE: edited(SRE, "title: Site Reliability Engineer", "title: '1.10'")},
)

MERGE_CONFLICT = Code(
    "OL005",
    "merge-conflict",
    doc="""
    The file still holds merge-conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`).

    The file is not read further: resolve the conflict first.
    """,
    example_fail={
        SRE: (
            "id: sre\n<<<<<<< HEAD\ntitle: SRE\n=======\ntitle: Site Reliability\n"
            ">>>>>>> feature\nseniority: middle\n"
        )
    },
)

TAB_INDENTATION = Code(
    "OL006",
    "tab-indentation",
    doc="""
    A line is indented with a tab character; YAML allows only spaces for indentation.
    """,
    example_fail={SRE: BASE_TEAM[SRE] + "tools:\n\t- kubectl\n"},
    example_pass={SRE: BASE_TEAM[SRE] + "tools:\n  - kubectl\n"},
)

ENCODING = Code(
    "OL007",
    "encoding",
    doc="""
    The file is not UTF-8 text (invalid bytes, UTF-16, NUL bytes).

    Team files must be UTF-8; a UTF-8 byte-order mark is accepted.
    """,
    example_fail={SRE: "id: sre\ntitle: caf\udce9\n"},
)

UNSAFE_TAG = Code(
    "OL008",
    "unsafe-tag",
    doc="""
    The file uses a YAML tag or merge key that plain data does not need.

    Tags such as `!!python/object` can make unsafe loaders run code; ownership-lint never
    constructs them and reports them instead. Merge keys (`<<`) are not supported either:
    write the keys out.
    """,
    example_fail={SRE: BASE_TEAM[SRE] + "tools: !!python/object/apply:os.system ['true']\n"},
    example_pass={SRE: BASE_TEAM[SRE] + "tools: [Prometheus]\n"},
)

INPUT_LIMITS = Code(
    "OL009",
    "input-limits",
    doc="""
    The file is too large, too deeply nested, or expands too much through aliases.

    Such input is refused before any real work is done, so that a hostile file (an alias
    bomb, 100,000-deep nesting, a 50 MB file) cannot hang the pre-commit hook or a CI gate.
    """,
    example_fail={
        SRE: (
            "a: &a ['x','x','x','x','x','x','x','x','x','x']\n"
            "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
            "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
            "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
            "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
            "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
        )
    },
)
