"""Render the real CODEOWNERS file (GitHub or GitLab flavour) from the team definition.

The path mapping (`team/path-ownership`) is CODEOWNERS syntax with role ids as owners, read
with GitHub's semantics: the last matching rule wins. Generation resolves each role to its
handles (the role's `handle`, else its members) and guarantees that, for every path, the
owners the generated file gives (read with ownership-lint's own engine) are the handles of
the role the mapping gives that path to.

- `resolved`: the mapping's rules with their roles, refused when any cannot be written;
- `github` and `gitlab`: the two flavours' rules;
- `render`: the whole text, its header, and the check that it reads back as the mapping;
- `markers`: the text in its file (alone, or in a marker block beside hand-written lines).

Writing files, and refusing a team that `check` finds errors in, is `ownership_lint.generation`.
"""

from ownership_lint.generate.github import github_pattern
from ownership_lint.generate.gitlab import gitlab_layers, gitlab_patterns, section_names
from ownership_lint.generate.markers import (
    BEGIN_LINE,
    BEGIN_MARKER,
    END_MARKER,
    Overridden,
    compose,
    generated_flavor,
    is_generated,
    overridden,
    overridden_message,
)
from ownership_lint.generate.render import command, render
from ownership_lint.generate.resolved import MappedRule, resolve

__all__ = [
    "BEGIN_LINE",
    "BEGIN_MARKER",
    "END_MARKER",
    "MappedRule",
    "Overridden",
    "command",
    "compose",
    "generated_flavor",
    "github_pattern",
    "gitlab_layers",
    "gitlab_patterns",
    "is_generated",
    "overridden",
    "overridden_message",
    "render",
    "resolve",
    "section_names",
]
