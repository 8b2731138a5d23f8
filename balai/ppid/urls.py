"""Public URLs of this app (mounted in balai/urls.py before the Wagtail page tree).

``/ppid/`` itself is the PPIDPage of the site (Wagtail); these routes live below it.
"""

from django.urls import path

from balai.ppid import views

app_name = "ppid"
urlpatterns = [
    path("ppid/permohonan/", views.permohonan, name="permohonan"),
    path("ppid/lacak/", views.lacak, name="lacak"),
    path("ppid/lacak/<str:token>/", views.lacak_token, name="lacak_token"),
    path("ppid/lacak/<str:token>/pemberitahuan.pdf", views.pemberitahuan_pdf, name="pemberitahuan"),
    path("ppid/lacak/<str:token>/penolakan.pdf", views.penolakan_pdf, name="penolakan"),
    path("ppid/lacak/<str:token>/lampiran/<int:pk>/", views.lampiran, name="lampiran"),
    path("ppid/dip/", views.dip, name="dip"),
    path("ppid/dip.xlsx", views.dip_xlsx, name="dip_xlsx"),
    path("ppid/dip.pdf", views.dip_pdf, name="dip_pdf"),
    path("ppid/statistik/", views.statistik, name="statistik"),
]
