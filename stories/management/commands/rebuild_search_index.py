from django.core.management.base import BaseCommand

from stories.search import rebuild_index


class Command(BaseCommand):
    help = (
        "Rebuild the search index of every story from scratch. Saving a story keeps the index up to date; "
        "run this after loading data without signals (loaddata, raw SQL, a restored backup of another version)."
    )

    def handle(self, *args, **options):
        count = rebuild_index()
        self.stdout.write(f"Search index rebuilt: {count} stories.")
