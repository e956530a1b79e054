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
        from stories.cache_purge import connect_purging

        connect_purging()
        from django.db.models.signals import post_delete

        from stories.models import Story
        from stories.models.story_media import delete_files_of_deleted_story

        post_delete.connect(delete_files_of_deleted_story, sender=Story, dispatch_uid="story_files_deleted")
        from stories.editorial.review import connect_handovers

        connect_handovers()
        from stories.models.translations import connect_shared_relations

        connect_shared_relations()
