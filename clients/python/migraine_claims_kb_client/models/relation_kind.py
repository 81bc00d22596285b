from enum import StrEnum

class RelationKind(StrEnum):
    CONTRIBUTES_TO = "contributes_to"
    FOLLOWS_FROM = "follows_from"
    MITIGATES = "mitigates"
    QUALIFIES = "qualifies"
    RESTS_ON = "rests_on"

    def __str__(self) -> str:
        return str(self.value)
