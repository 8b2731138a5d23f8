"""The indicator registry: what a scorecard measures, each computed for all OPDs at once.

An indicator is a key, a group, a label, a default weight and a compute function
``fn(ctx) -> {opd_id: Result} | None``. ``None`` means the data source is absent (e.g. the app
is not installed yet): the indicator is "not applicable" and left out of the weighted total, not
counted as zero. A ``Result`` whose ``score`` is None is not applicable for that one OPD (e.g. an
OPD that received no requests cannot be judged on answering them).

Each compute function runs a constant number of queries whatever the number of OPDs.

One module per group of indicators; importing this package registers them all, in display order.
"""

from balai.pemantauan.indicators import activity, completeness, public_duties, site_health  # noqa: F401
from balai.pemantauan.indicators.base import GROUPS, REGISTRY, Context, Indicator, Result

__all__ = ["GROUPS", "REGISTRY", "Context", "Indicator", "Result"]
