from enum import StrEnum

class FormatJsonJsonld(StrEnum):
    JSON = "json"
    JSONLD = "jsonld"

    def __str__(self) -> str:
        return str(self.value)
