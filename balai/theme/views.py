"""Friendly error pages in the site's own theme."""

from django.http import HttpRequest, HttpResponse
from django.template import loader


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    template = loader.get_template("404.html")
    return HttpResponse(template.render({"request_path": request.path}, request), status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Rendered without the request context: the failure may come from the database.
    template = loader.get_template("500.html")
    return HttpResponse(template.render({}), status=500)


def favicon(request: HttpRequest) -> HttpResponse:
    """``/favicon.ico``, which browsers ask every site for whatever the page links."""
    from django.contrib.staticfiles import finders
    from django.contrib.staticfiles.storage import staticfiles_storage

    name = "balai/favicon.ico"
    path = finders.find(name)
    if path:
        with open(path, "rb") as fh:
            return HttpResponse(fh.read(), content_type="image/x-icon")
    with staticfiles_storage.open(name) as fh:
        return HttpResponse(fh.read(), content_type="image/x-icon")
