from enum import StrEnum

class FormatNdjson(StrEnum):
    NDJSON = "ndjson"

    def __str__(self) -> str:
        return str(self.value)
