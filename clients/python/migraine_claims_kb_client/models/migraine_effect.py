from enum import StrEnum

class MigraineEffect(StrEnum):
    NEITHER = "neither"
    RELIEVES = "relieves"
    WORSENS = "worsens"

    def __str__(self) -> str:
        return str(self.value)
