"""The team document's headings in each language, and every spelling the importer accepts.

`ru` is the seed document's own set (`shared/seed/infra-team-structure.md`): Russian section
headings, the rest in English as the seed has them.
"""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("en", "ru")


@dataclass(frozen=True)
class Headings:
    title_suffix: str
    competencies: str
    responsibilities: str
    tools: str
    collaboration: str
    # With the department's name in place of {name}.
    department: str
    last_reviewed: str
    raci: dict[str, str]


HEADINGS: dict[str, Headings] = {
    "en": Headings(
        title_suffix="Structure",
        competencies="Competencies",
        responsibilities="Responsibilities",
        tools="Working tools",
        collaboration="Cross-functional Collaboration",
        department="With the {name} department",
        last_reviewed="Last Reviewed",
        raci={"R": "responsible", "C": "consulted", "I": "informed"},
    ),
    "ru": Headings(
        title_suffix="Structure",
        competencies="Компетенции",
        responsibilities="Ответственность",
        tools="Рабочие инструменты",
        collaboration="Cross-functional Collaboration",
        department="\u0421 {name} отделом",
        last_reviewed="Last Updated",
        raci={"R": "исполняет", "C": "консультирует", "I": "информируется"},
    ),
}

# What the importer recognises, lower-cased, beyond the headings above.
COMPETENCIES = {"competencies", "компетенции", "skills", "навыки"}
RESPONSIBILITIES = {"responsibilities", "ответственность", "обязанности", "зоны ответственности"}
TOOLS = {"working tools", "tools", "рабочие инструменты", "инструменты"}
COLLABORATION = {
    "cross-functional collaboration",
    "collaboration",
    "межфункциональное взаимодействие",
    "взаимодействие",
}
LAST_REVIEWED = {
    "last updated",
    "last reviewed",
    "updated",
    "reviewed",
    "последнее обновление",
    "обновлено",
}
