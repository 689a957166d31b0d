"""Syntax and encoding: what the YAML loader reports before any schema is looked at."""

from __future__ import annotations

from ownership_lint.rules.base import Rule, register


@register
class YamlSyntax(Rule):
    """The file is not valid YAML.

    The loader stops at the first syntax error of a file (nothing after it can be trusted)
    and reports it at the position the YAML parser gave up.
    """

    code = "OL001"
    name = "yaml-syntax"
    example_fail = {"team/roles/sre.yaml": "id: sre\ntitle: [unclosed\n"}


@register
class DuplicateKey(Rule):
    """A mapping has the same key twice.

    Most YAML libraries silently keep the last value, so one of the two is lost without a word.
    The second occurrence is reported; the first one is what ownership-lint reads.
    """

    code = "OL002"
    name = "duplicate-key"
    example_fail = {
        "team/roles/sre.yaml": (
            "id: sre\ntitle: SRE\ntitle: Site Reliability Engineer\nseniority: middle\n"
            "members: ['@sre-sam']\nresponsibilities: [alerts.rules]\n"
        )
    }


@register
class ImplicitBoolean(Rule):
    """An unquoted word that YAML 1.1 reads as a boolean where text is meant.

    `no`, `yes`, `on`, `off`, `true` and `false` (any case) become booleans in PyYAML and in
    most tools that follow YAML 1.1 (the Norway problem). Quote the value to keep the text.
    """

    code = "OL003"
    name = "implicit-boolean"
    example_fail = {
        "team/roles/sre.yaml": (
            "id: sre\ntitle: no\nseniority: middle\nmembers: ['@sre-sam']\n"
            "responsibilities: [alerts.rules]\n"
        )
    }


@register
class ImplicitNumber(Rule):
    """An unquoted value that YAML reads as a number where text is meant.

    `1.10` becomes the float 1.1, `010` may become 8, `1_000` becomes 1000. Quote the value
    to keep the text exactly as written.
    """

    code = "OL004"
    name = "implicit-number"
    example_fail = {
        "team/roles/sre.yaml": (
            "id: sre\ntitle: 1.10\nseniority: middle\nmembers: ['@sre-sam']\n"
            "responsibilities: [alerts.rules]\n"
        )
    }


@register
class MergeConflictMarker(Rule):
    """The file still holds merge-conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`).

    The file is not read further: resolve the conflict first.
    """

    code = "OL005"
    name = "merge-conflict"
    example_fail = {
        "team/roles/sre.yaml": (
            "id: sre\n<<<<<<< HEAD\ntitle: SRE\n=======\ntitle: Site Reliability\n"
            ">>>>>>> feature\nseniority: middle\n"
        )
    }


@register
class TabIndentation(Rule):
    """A line is indented with a tab character; YAML allows only spaces for indentation."""

    code = "OL006"
    name = "tab-indentation"
    example_fail = {"team/roles/sre.yaml": "id: sre\ntools:\n\t- kubectl\n"}


@register
class Encoding(Rule):
    """The file is not UTF-8 text (invalid bytes, UTF-16, NUL bytes).

    Team files must be UTF-8; a UTF-8 byte-order mark is accepted.
    """

    code = "OL007"
    name = "encoding"
    example_fail = {"team/roles/sre.yaml": "id: sre\ntitle: caf\udce9\n"}


@register
class UnsafeTag(Rule):
    """The file uses a YAML tag or merge key that plain data does not need.

    Tags such as `!!python/object` can make unsafe loaders run code; ownership-lint never
    constructs them and reports them instead. Merge keys (`<<`) are not supported either:
    write the keys out.
    """

    code = "OL008"
    name = "unsafe-tag"
    example_fail = {
        "team/roles/sre.yaml": "id: !!python/object/apply:os.system ['true']\ntitle: SRE\n"
    }


@register
class InputLimits(Rule):
    """The file is too large, too deeply nested, or expands too much through aliases.

    Such input is refused before any real work is done, so that a hostile file (an alias
    bomb, 100,000-deep nesting, a 50 MB file) cannot hang the pre-commit hook or a CI gate.
    """

    code = "OL009"
    name = "input-limits"
    example_fail = {
        "team/roles/sre.yaml": (
            "a: &a ['x','x','x','x','x','x','x','x','x','x']\n"
            "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
            "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
            "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
            "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
            "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
        )
    }
