from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from balkanoscope.backups import BackupError, create_backup


class Command(BaseCommand):
    help = "Write a consistent, timestamped archive (.tar.gz) of the database and the media files."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            default=str(settings.VAR_DIR / "backups"),
            help="Folder for the archive (default: var/backups).",
        )

    def handle(self, *args, output_dir, **options):
        try:
            archive = create_backup(output_dir)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(str(archive))
