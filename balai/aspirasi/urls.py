"""Public URLs of this app (mounted in balai/urls.py before the Wagtail page tree)."""

from django.urls import path

from balai.aspirasi import views

app_name = "aspirasi_public"
urlpatterns = [
    path("aspirasi/", views.public_list, name="list"),
    path("aspirasi/kirim/", views.submit, name="submit"),
    path("aspirasi/lacak/", views.track_lookup, name="lookup"),
    path("aspirasi/lacak/<str:number>/<str:secret>/", views.track, name="track"),
    path("aspirasi/lacak/<str:number>/<str:secret>/nilai/", views.rate, name="rate"),
    path("a/<str:code>", views.short_link, name="short"),
    path("aspirasi/statistik/", views.stats, name="stats"),
]
