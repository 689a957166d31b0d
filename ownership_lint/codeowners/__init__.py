"""The CODEOWNERS engine: parse (GitHub and GitLab dialects), patterns, owners, fast index."""

from ownership_lint.codeowners.index import Matcher
from ownership_lint.codeowners.locate import LOCATIONS, find_codeowners
from ownership_lint.codeowners.model import (
    CodeownersFile,
    Dialect,
    Owner,
    Problem,
    Rule,
    Section,
)
from ownership_lint.codeowners.owners import OwnerKind, is_email, owner_kind
from ownership_lint.codeowners.parse import parse
from ownership_lint.codeowners.pattern import CompiledPattern, compile_pattern, gitlab_normalize

__all__ = [
    "LOCATIONS",
    "CodeownersFile",
    "CompiledPattern",
    "Dialect",
    "Matcher",
    "Owner",
    "OwnerKind",
    "Problem",
    "Rule",
    "Section",
    "compile_pattern",
    "find_codeowners",
    "gitlab_normalize",
    "is_email",
    "owner_kind",
    "parse",
]
