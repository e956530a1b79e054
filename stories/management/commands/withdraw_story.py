"""python manage.py withdraw_story ID --reason "…": withdraw a story, as the admin's Withdraw does."""

from django.core.management.base import BaseCommand, CommandError

from stories.editorial.withdrawal import AlreadyWithdrawn, withdraw_story, withdrawal_checklist
from stories.models import Story


class Command(BaseCommand):
    help = "Withdraw a story at the storyteller's request: it answers 410 Gone and its text, files and history go."

    def add_arguments(self, parser):
        parser.add_argument("story_id", type=int)
        parser.add_argument("--reason", required=True, help="Why consent was withdrawn; kept privately.")

    def handle(self, *args, story_id, reason, **options):
        story = Story.objects.filter(pk=story_id).first()
        if story is None:
            raise CommandError(f"There is no story {story_id}.")
        if not reason.strip():
            raise CommandError("Give the reason for the withdrawal with --reason.")
        try:
            withdrawn = withdraw_story(story, reason=reason)
        except AlreadyWithdrawn:
            raise CommandError(f"Story {story_id} is withdrawn already.") from None
        self.stdout.write(f"Story {story_id} is withdrawn. What the site cannot remove by itself:")
        for heading, steps in withdrawal_checklist(withdrawn):
            self.stdout.write(f"\n{heading}")
            for step in steps:
                self.stdout.write(f"  - {step}")
