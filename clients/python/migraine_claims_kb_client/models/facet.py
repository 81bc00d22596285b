from enum import StrEnum

class Facet(StrEnum):
    CERTAINTY = "certainty"
    MIGRAINE_EFFECT = "migraine_effect"
    SOURCE = "source"
    TAG = "tag"
    TYPE = "type"

    def __str__(self) -> str:
        return str(self.value)
