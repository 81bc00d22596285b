from enum import StrEnum

class FormatJson(StrEnum):
    JSON = "json"

    def __str__(self) -> str:
        return str(self.value)
