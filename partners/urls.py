from django.urls import path

from partners import views

app_name = "partners"

urlpatterns = [
    path("partners/", views.partner_list, name="list"),
    path("partners/<slug:slug>/", views.partner_detail, name="detail"),
    path("about/", views.about, name="about"),
    path("pages/<slug:slug>/", views.page_detail, name="page"),
]
