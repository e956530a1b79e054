"""`manage.py flush_readership`: write the story views counted in the cache to the database
(a cron job every few minutes keeps the numbers current on a quiet site)."""

from django.core.management.base import BaseCommand

from stories.readership import counter


class Command(BaseCommand):
    help = "Write the story views counted in the cache to the database."

    def handle(self, *args, **options):
        written = counter.flush()
        self.stdout.write(f"{written} story views written.")
