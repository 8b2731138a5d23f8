"""Scoring: weighted totals, Ombudsman zones, ranking, and the background computation."""

from __future__ import annotations

import datetime as dt
import logging
import time
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from balai.opd.models import OPD

from .indicators import REGISTRY, Context, Result
from .models import IndicatorWeight, MonitoringSettings, Scorecard, Zone

logger = logging.getLogger(__name__)


def zone_for(score: float | None) -> str:
    """Ombudsman RI compliance zones (2019–2021 scale, still mapped from 2022; see
    shared/domain/website.md): hijau 81.00–100, kuning 51.00–80.99, merah 0–50.99.
    Scores are compared at two decimals, so 80.995 counts as 81.00 (hijau)."""
    if score is None:
        return ""
    value = round(float(score), 2)
    if value >= 81:
        return Zone.HIJAU
    if value >= 51:
        return Zone.KUNING
    return Zone.MERAH


def weighted_total(scores: dict[str, float | None], weights: dict[str, float]) -> float | None:
    """Weighted mean of the applicable scores; not-applicable (None) indicators and zero weights
    are left out of both numerator and denominator, so they neither help nor hurt."""
    num = Decimal(0)
    den = Decimal(0)
    for key, score in scores.items():
        w = Decimal(str(weights.get(key, 0)))
        if score is None or w <= 0:
            continue
        num += w * Decimal(str(score))
        den += w
    if not den:
        return None
    return float(round(num / den, 2))


# A site nobody has published on for six months, or whose profile is entirely empty, is the
# "website SKPD tidak aktif dan tidak update" the monitoring exists to catch: whatever its other
# indicators earn, it stays in the red zone (Ombudsman scale, 0-50.99) until it is fixed.
DEAD_SITE_DAYS = 183
RED_CAP = 50.0


def cap_for_dead_or_empty_site(total: float | None, ind: dict[str, dict]) -> float | None:
    if total is None:
        return None
    days_ind = ind.get("days_since_publication", {})
    profile_ind = ind.get("profile_pages", {})
    days = days_ind.get("value")
    # An indicator Kominfo weighed at zero does not cap either.
    stale = days_ind.get("weight", 0) > 0 and (
        days is None or (isinstance(days, (int, float)) and days > DEAD_SITE_DAYS)
    )
    empty_profile = profile_ind.get("weight", 0) > 0 and profile_ind.get("score") == 0
    return min(total, RED_CAP) if stale or empty_profile else total


def current_weights() -> dict[str, float]:
    weights = {k: ind.weight for k, ind in REGISTRY.items()}
    weights.update({k: float(w) for k, w in IndicatorWeight.objects.values_list("key", "weight")})
    return weights


def rank(cards: list[Scorecard]) -> None:
    """City ranking: highest total first; ties share a rank; OPDs without a total are unranked."""
    ordered = sorted((c for c in cards if c.total is not None), key=lambda c: -(c.total or 0))
    previous, position = None, 0
    for i, card in enumerate(ordered, start=1):
        if card.total != previous:
            position, previous = i, card.total
        card.rank = position
    for card in cards:
        if card.total is None:
            card.rank = None


def evaluate(opds: list[OPD], today: dt.date) -> dict[int, dict[str, dict]]:
    """Run every indicator for all ``opds``: {opd_id: {key: stored indicator dict}}."""
    conf = MonitoringSettings.load()
    ctx = Context(opds=opds, today=today, stale_days=conf.stale_days)
    weights = current_weights()
    out: dict[int, dict[str, dict]] = {o.id: {} for o in opds}
    for key, ind in REGISTRY.items():
        results = ind.compute(ctx)
        for opd in opds:
            res: Result = (results or {}).get(opd.id) or Result()
            applicable = results is not None and res.score is not None
            out[opd.id][key] = {
                "group": ind.group,
                "label": str(ind.label),
                "weight": weights.get(key, 0),
                "applicable": applicable,
                "value": res.value,
                "display": res.display if results is not None else "",
                "score": res.score if applicable else None,
                "evidence": res.evidence,
            }
    return out


def _mean(values):
    values = [v for v in values if v is not None]
    return round(sum(values) / len(values), 2) if values else None


def compute_scorecards(today: dt.date | None = None, opd_ids=None) -> list[Scorecard]:
    """Compute and store every active OPD's scorecard for ``today``'s month (one row per OPD
    per month: a later run in the same month replaces it; past months stay as they were)."""
    today = today or timezone.localdate()
    period = today.replace(day=1)
    started = time.monotonic()
    opds = list(OPD.objects.active().provisioned().select_related("site__root_page"))
    if opd_ids is not None:
        opds = [o for o in opds if o.id in set(opd_ids)]
    evaluated = evaluate(opds, today)
    cards = []
    for opd in opds:
        ind = evaluated[opd.id]
        total = weighted_total(
            {k: v["score"] for k, v in ind.items()}, {k: v["weight"] for k, v in ind.items()}
        )
        total = cap_for_dead_or_empty_site(total, ind)
        response = ind.get("first_response", {}).get("value")
        cards.append(
            Scorecard(
                opd=opd,
                period=period,
                total=total,
                zone=zone_for(total),
                days_since_publication=ind["days_since_publication"]["value"],
                response_hours=response if isinstance(response, (int, float)) else None,
                freshness_score=_mean(
                    [ind["days_since_publication"]["score"], ind["publications_12m"]["score"]]
                ),
                responsiveness_score=_mean(
                    [
                        ind[k]["score"]
                        for k in ("requests_on_time", "aspirasi_on_time", "first_response")
                        if k in ind
                    ]
                ),
                monthly_publications=ind["publications_12m"]["value"] or [],
                indicators=ind,
            )
        )
    rank(cards)
    with transaction.atomic():
        Scorecard.objects.filter(period=period, opd__in=opds).delete()
        Scorecard.objects.bulk_create(cards, batch_size=500)
    logger.info("computed %d scorecards in %.2fs", len(cards), time.monotonic() - started)
    return cards


def backfill_history(months: int = 11, today: dt.date | None = None) -> int:
    """Store scorecards for past months that have none, evaluated as of each month's last day.

    Publication dates are historical, so activity indicators are true for that month; other
    indicators read today's records (the best available for a month never snapshotted).
    """
    today = today or timezone.localdate()
    done = 0
    first = today.replace(day=1)
    for _i in range(months):
        last_day = first - dt.timedelta(days=1)
        first = last_day.replace(day=1)
        if not Scorecard.objects.filter(period=first).exists():
            done += len(compute_scorecards(today=last_day))
    return done
