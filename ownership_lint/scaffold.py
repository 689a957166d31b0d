"""`ownership-lint init`: a minimal team/ that passes `check`, with comments that explain it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ownership_lint.errors import ConfigError

TEAM = """\
# The team: its name, when its ownership was last reviewed, and the policy `check` enforces.
# `ownership-lint explain CODE` documents every finding; editors check each file against the
# JSON Schema its first line names as you type.
name: my-team
title: My Team
description: What the team is for, in a sentence or two.
# The date a person last read team/ and agreed with it (YYYY-MM-DD). Older than
# policy.review_max_age_days is a warning (OL501): review, then update the date.
last_reviewed: "{today}"
policy:
  min_members_per_role: 1       # every role that owns something needs this many people
  review_max_age_days: 180
# The departments the team works with, and what each needs from it (one owning role each):
# departments:
#   - id: security
#     name: SECURITY
#     interfaces:
#       - id: security.updates
#         title: Security updates
#         responsibility: operations.releases   # its owner must own the interface too
"""

RESPONSIBILITIES = """\
# Every responsibility the team must own, grouped by area. Each one is owned by exactly one
# role (a role lists its id under `responsibilities:`); `check` reports gaps and conflicts.
# Ids are <area>.<name>; `paths` (CODEOWNERS patterns) are the files a responsibility covers:
# path-ownership must give them to the responsibility's owner.
areas:
  - id: operations
    title: Operations
    responsibilities:
      - id: operations.repository
        title: The repository
        description: Reviews every change until the team gives parts of it to other roles.
        paths: ["*"]
      - id: operations.releases
        title: Release management
        description: Versioning, release notes and the deployment schedule.
        # paths: [/releases/]     # once the repository has them; path-ownership too
      - id: operations.on-call
        title: On-call and incident response
        description: Who is paged, and how incidents are run.
"""

ROLE = """\
# One file per role: roles/<role-id>.yaml, `id` equal to the file name.
id: maintainer
title: Maintainer
seniority: senior               # junior, middle, senior, lead or principal
description: Owns everything until the team splits the work into more roles.
# GitHub/GitLab handles (@user) or teams (@org/team). `check` fails (OL216) until the
# placeholder is replaced with real people.
members:
  - "@your-github-handle"
competencies:
  - What people in this role must know
tools:
  - The tools they work with
# A plain id: this role owns it (RACI A). {id: ..., raci: R|C|I}: involved, does not own it.
responsibilities:
  - operations.repository
  - operations.releases
  - operations.on-call
"""

MAPPING = """\
# Which role owns which paths: CODEOWNERS syntax, role ids as owners. The last matching rule
# wins: general rules first, specific ones after, e.g.
#   /releases/  maintainer
# (`check` warns about a rule that matches no tracked file: add rules for paths that exist.)
*  maintainer
"""
PLACEHOLDER = "@your-github-handle"


def scaffold_files(
    today: dt.date, team_dir: str = "team", schemas_dir: str = "schemas"
) -> dict[str, str]:
    from ownership_lint.schema_files import with_modelines

    files = {
        "team.yaml": TEAM.format(today=today.isoformat()),
        "responsibilities.yaml": RESPONSIBILITIES,
        "roles/maintainer.yaml": ROLE,
        "path-ownership": MAPPING,
    }
    return with_modelines(files, team_dir, schemas_dir)


def scaffold(
    base: Path,
    team_dir: str = "team",
    today: dt.date | None = None,
    schemas_dir: str = "schemas",
) -> list[str]:
    """Create `base/team_dir` with a minimal team, and the schemas its files name under
    `base/schemas_dir`; ConfigError if the team exists already or a schema file there is not
    ours. Returns the paths written, relative to `base`."""
    from ownership_lint import schema_files
    from ownership_lint.fileio import write_directory

    target = base / team_dir
    if target.exists():
        raise ConfigError(f"'{target}' already exists; init writes only a new team directory")
    files = scaffold_files(today or dt.date.today(), team_dir, schemas_dir)
    try:
        schemas = schema_files.write(base, schemas_dir)
        write_directory(
            target, {rel: text.encode("utf-8") for rel, text in files.items()}, root=base
        )
    except OSError as err:
        raise ConfigError(f"cannot write '{target}': {err.strerror or err}") from err
    return [f"{team_dir}/{rel}" for rel in files] + schemas
