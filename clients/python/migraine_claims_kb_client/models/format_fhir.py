from enum import StrEnum

class FormatFhir(StrEnum):
    FHIR = "fhir"

    def __str__(self) -> str:
        return str(self.value)
