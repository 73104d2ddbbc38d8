"""Which files a forked child makes, rendered and formatted, while this process makes the
rest: the models module, when the API is large enough that a second core pays for the
fork. The halves share nothing but the IR, which the fork hands over without pickling it
(a page is copied only when either process writes to it), and each makes only the views
its own templates ask for (context.py makes them on demand): the models' views in the
child, the operations' here.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy reads the name)
if TYPE_CHECKING:
    from ..ir import Api

# Below this many classes (models, enums and aliases) or this many operations, the half a
# child would take is too small for the fork: on Polar's API (about 700 classes, 190
# operations) each half takes 100-150 ms, and starting the child and reading its file back
# costs 5-10 ms.
MIN_CLASSES = 150
MIN_OPERATIONS = 40


def apart(api: Api) -> frozenset[str]:
    """The paths a child makes; none when this process alone is quicker."""
    classes = len(api.models) + len(api.enums) + len(api.aliases)
    if classes < MIN_CLASSES or len(api.operations) < MIN_OPERATIONS:
        return frozenset()
    return frozenset({f"{api.package}/models.py"})
