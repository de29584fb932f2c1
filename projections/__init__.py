"""Read models built from the stored events, and the queries they answer."""

from projections.periods import Period
from projections.views import ReadModel, ViewStatus

__all__ = ["Period", "ReadModel", "ViewStatus"]
