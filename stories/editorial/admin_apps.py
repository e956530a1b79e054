"""Django's admin, with the newsroom's site as admin.site. Its own module: INSTALLED_APPS
imports it before any model is loaded."""

from django.contrib.admin.apps import AdminConfig


class NewsroomAdminConfig(AdminConfig):
    """Stands in for "django.contrib.admin" in INSTALLED_APPS."""

    default_site = "stories.editorial.admin_site.NewsroomAdminSite"
