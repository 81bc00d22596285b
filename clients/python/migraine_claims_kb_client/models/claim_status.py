from enum import StrEnum

class ClaimStatus(StrEnum):
    ACTIVE = "active"
    RETRACTED = "retracted"

    def __str__(self) -> str:
        return str(self.value)
