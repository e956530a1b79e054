"""The admin site of the newsroom: Django's, with the dashboard (dashboard.py) as its home.
Installed by NewsroomAdminConfig (admin_apps.py), so admin.site is this site."""

from django.contrib import admin

from stories.editorial.dashboard import newsroom_home


class NewsroomAdminSite(admin.AdminSite):
    index_template = "admin/newsroom/index.html"

    def index(self, request, extra_context=None):
        return super().index(request, {**newsroom_home(request.user), **(extra_context or {})})
