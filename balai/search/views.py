"""``/cari/``: one search across the portal and every OPD site.

On an OPD's host the search covers that OPD by default, with "all OPDs" one click away; on the
portal it covers everything. Filters: site (OPD), type and year.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from balai.core.pagecache import remember
from balai.opd.models import OPD
from balai.opd.selectors import opd_for_request
from balai.search import forms, registry, selectors

PER_PAGE = 10
MAX_PAGES = 50  # deep pages cost a merge of every source; nobody reads page 51


@require_safe
def search_view(request: HttpRequest) -> HttpResponse:
    current = opd_for_request(request)
    provisioned = remember("search-opds", _provisioned_opds)
    opds = [opd for opd in provisioned if opd.is_active]
    data = request.GET.copy()
    if not data.get("opd"):
        data["opd"] = current.slug if current else forms.ALL_OPDS
    form = forms.SearchForm(data, opds=opds, city_name=settings.BALAI_CITY_NAME)

    # Longer queries are cut, not refused (the field's max_length only guards the form).
    query = " ".join(request.GET.get("q", "").split())[: selectors.MAX_QUERY_LENGTH]
    chosen = form.value("opd") or forms.ALL_OPDS
    scope_opd = next((o for o in opds if o.slug == chosen), None)
    scope = selectors.Scope(
        opd=scope_opd,
        portal_only=chosen == forms.PORTAL,
        hidden_opd_ids=tuple(o.pk for o in provisioned if not o.is_active),
    )
    type_key = form.value("jenis") or ""
    year = form.value("tahun")

    context = {
        "form": form,
        "query": query,
        "type_key": type_key,
        "scope_opd": scope_opd,
        "current_opd": current,
        "searched_everywhere": scope_opd is None and not scope.portal_only,
    }
    if query:
        found = selectors.search(query, scope, type_key, year)
        paginator = Paginator(found.hits, PER_PAGE)
        number = request.GET.get("page") or 1
        page_obj = paginator.get_page(min(_int(number), MAX_PAGES))
        base = {
            k: v
            for k, v in (("q", query), ("opd", chosen), ("jenis", type_key), ("tahun", year or ""))
            if v
        }
        counts = found.hits.counts
        context.update(
            found=found,
            page_obj=page_obj,
            results=selectors.present(
                list(page_obj.object_list), found.hits.parsed, request, provisioned
            ),
            total=paginator.count,
            more_than=(
                count_label(selectors.COUNT_CAP) if paginator.count > selectors.COUNT_CAP else ""
            ),
            shown_query=found.suggestion if found.corrected else query,
            all_total=count_label(sum(counts.values())),
            page_url_prefix="?"
            + urlencode({**base, "q": found.suggestion if found.corrected else query})
            + "&page=",
            all_opds_url="?" + urlencode({**base, "opd": forms.ALL_OPDS}),
            type_links=[
                (
                    t.label,
                    "?" + urlencode({**base, "jenis": t.key}),
                    t.key == type_key,
                    count_label(counts.get(t.key, 0)),
                )
                for t in registry.available_types()
                if counts.get(t.key) or t.key == type_key
            ],
            all_types_url="?" + urlencode({k: v for k, v in base.items() if k != "jenis"}),
            this_opd_url=("?" + urlencode({**base, "opd": current.slug}) if current else ""),
            suggestion_url=(
                "?" + urlencode({**base, "q": found.suggestion}) if found.suggestion else ""
            ),
        )
    response = TemplateResponse(request, "search/search.html", context)
    # Result pages are not worth indexing by search engines (and would multiply endlessly).
    response["X-Robots-Tag"] = "noindex"
    return response


def count_label(count: int) -> str:
    """``1.000+`` beyond what is counted, else the number with Indonesian grouping."""
    if count > selectors.COUNT_CAP:
        return f"{selectors.COUNT_CAP:,}+".replace(",", ".")
    return f"{count:,}".replace(",", ".")


def _provisioned_opds() -> list[OPD]:
    return list(OPD.objects.provisioned().select_related("site").order_by("name"))


def _int(value) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1
