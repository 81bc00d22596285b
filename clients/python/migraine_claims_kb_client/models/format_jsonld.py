from enum import StrEnum

class FormatJsonld(StrEnum):
    JSONLD = "jsonld"

    def __str__(self) -> str:
        return str(self.value)
