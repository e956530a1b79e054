from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Stories")

    def ready(self):
        from stories import search

        search.connect_signals(self)
        from stories.content_state import connect_invalidation

        connect_invalidation()
