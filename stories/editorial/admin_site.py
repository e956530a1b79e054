"""The admin site of the newsroom: Django's, with the dashboard (dashboard.py) as its home.
Installed by NewsroomAdminConfig (admin_apps.py), so admin.site is this site."""

from functools import partial

from django.contrib import admin
from django.urls import path

from stories.editorial.dashboard import newsroom_home
from stories.readership.views import readership_view


class NewsroomAdminSite(admin.AdminSite):
    index_template = "admin/newsroom/index.html"

    def index(self, request, extra_context=None):
        return super().index(request, {**newsroom_home(request.user), **(extra_context or {})})

    def get_urls(self):
        readership = path("readership/", self.admin_view(partial(readership_view, admin_site=self)), name="readership")
        return [readership, *super().get_urls()]
