from django.core.management.base import BaseCommand, CommandError

from balkanoscope.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Bring this installation back to the state of a backup archive: database and media. "
        "Stop the site first. Refuses a database with content unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="A .tar.gz written by `manage.py backup`.")
        parser.add_argument(
            "--force", action="store_true", help="Replace the database and media even if they hold content."
        )

    def handle(self, *args, archive, force, **options):
        try:
            manifest = restore_backup(archive, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Restored the backup of {manifest['created_at']}."))
