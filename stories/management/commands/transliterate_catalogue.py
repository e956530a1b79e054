"""`manage.py transliterate_catalogue sr sr_Latn`: the Serbian Latin interface catalogue, made
from the Serbian Cyrillic one. Translators write Serbian once; `make messages` and
`make install` run this before compilemessages, so the Latin catalogue is never stale."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from stories.scripts.serbian import to_latin


def transliterated_catalogue(source, target_locale):
    """A copy of the polib catalogue `source` with every translation in Latin script."""
    catalogue = polib.POFile(wrapwidth=source.wrapwidth)
    catalogue.metadata = {**source.metadata, "Language": target_locale}
    catalogue.header = (
        f"Generated from the {source.metadata.get('Language', 'sr')} catalogue by `manage.py transliterate_catalogue`:\n"
        "edit that one, never this file."
    )
    for entry in source:
        if entry.obsolete:
            continue
        entry.msgstr = to_latin(entry.msgstr)
        entry.msgstr_plural = {index: to_latin(text) for index, text in entry.msgstr_plural.items()}
        catalogue.append(entry)
    return catalogue


class Command(BaseCommand):
    help = "Write one locale's django.po transliterated from Serbian Cyrillic to Latin (sr → sr_Latn)."

    def add_arguments(self, parser):
        parser.add_argument("source", help="the Cyrillic locale, e.g. sr")
        parser.add_argument("target", help="the Latin locale, e.g. sr_Latn")
        parser.add_argument("--locale-dir", type=Path, help="default: the first of settings.LOCALE_PATHS")

    def handle(self, source, target, locale_dir=None, **options):
        locale_dir = Path(locale_dir or settings.LOCALE_PATHS[0])
        source_path = locale_dir / source / "LC_MESSAGES" / "django.po"
        if not source_path.exists():
            # Nothing to transliterate yet (the Cyrillic catalogue has not been written).
            self.stdout.write(f"No {source_path}: nothing to transliterate.")
            return
        target_path = locale_dir / target / "LC_MESSAGES" / "django.po"
        try:
            catalogue = transliterated_catalogue(polib.pofile(str(source_path)), target)
        except OSError as error:
            raise CommandError(f"{source_path}: {error}") from error
        target_path.parent.mkdir(parents=True, exist_ok=True)
        catalogue.save(str(target_path))
        self.stdout.write(f"Wrote {target_path} ({len(catalogue)} messages).")
