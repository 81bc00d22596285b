from enum import StrEnum

class SortOrder(StrEnum):
    ARTICLE = "article"
    RANK = "rank"
    RELEVANCE = "relevance"
    UPDATED = "updated"

    def __str__(self) -> str:
        return str(self.value)
