from enum import StrEnum

class Certainty(StrEnum):
    ASSERTED = "asserted"
    HYPOTHESIZED = "hypothesized"
    POSSIBLE = "possible"
    RARE = "rare"
    TYPICAL = "typical"

    def __str__(self) -> str:
        return str(self.value)
