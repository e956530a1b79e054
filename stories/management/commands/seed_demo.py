"""`manage.py seed_demo`: the demo content of every installed app that has some.

An app takes part with a `demo` module (found like admin.py by the admin's autodiscovery, so
this command names no app) offering two functions:

- `seed()` creates whatever of its demo content is missing, leaves what exists as the editors
  made it, and returns a one-line report;
- `is_loaded()` is true once any of its demo content exists (for `--if-empty`).

Apps are seeded after the apps their models point to, otherwise in INSTALLED_APPS order, all in
one transaction.
"""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import module_has_submodule

from stories.demo.documents import DemoDataError

DEMO_MODULE = "demo"


class Command(BaseCommand):
    help = (
        "Create the demo content of each installed app that has a demo module: for the stories app the "
        "six countries, nine themes, contributors and 24 demo stories; for partners the two partners and the "
        "About page. Idempotent: what already exists is left as the editors made it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if any app's demo content is already there (used by `make run`).",
        )

    def handle(self, *args, if_empty, **options):
        modules = demo_modules()
        if if_empty and any(module.is_loaded() for _, module in modules):
            self.stdout.write("Demo content: already loaded, left as it is.")
            return
        try:
            with transaction.atomic():
                reports = [(app_config.label, module.seed()) for app_config, module in modules]
        except DemoDataError as error:
            raise CommandError(str(error)) from error
        for label, report in reports:
            self.stdout.write(f"Demo content ({label}): {report}.")


def demo_modules():
    """(app config, demo module) of each installed app with one, in dependency order."""
    with_demo = [
        app_config for app_config in apps.get_app_configs() if module_has_submodule(app_config.module, DEMO_MODULE)
    ]
    ordered = []

    def visit(app_config, visiting):
        if app_config in ordered or app_config in visiting:  # done, or a cycle: keep the listed order
            return
        for dependency in related_apps(app_config):
            if dependency in with_demo:
                visit(dependency, visiting | {app_config})
        ordered.append(app_config)

    for app_config in with_demo:
        visit(app_config, frozenset())
    return [(app_config, import_module(f"{app_config.name}.{DEMO_MODULE}")) for app_config in ordered]


def related_apps(app_config):
    """The other apps whose models this app's models point to (foreign keys, many-to-many, tags)."""
    return {
        field.related_model._meta.app_config
        for model in app_config.get_models()
        for field in model._meta.get_fields()
        if field.is_relation and not field.auto_created and field.related_model not in (None, model)
    } - {app_config}
