from enum import StrEnum

class ChangeAction(StrEnum):
    CREATED = "created"
    DELETED = "deleted"
    RESTORED = "restored"
    RETRACTED = "retracted"
    UPDATED = "updated"

    def __str__(self) -> str:
        return str(self.value)
