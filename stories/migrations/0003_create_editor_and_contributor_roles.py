"""The two roles of the editorial workflow, as groups with their permissions.

The permission lists are frozen here on purpose: a later change of roles is a new migration.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

CONTRIBUTOR = "Contributor"
EDITOR = "Editor"

# Contributors write and submit their own stories; StoryAdmin limits them to their own
# drafts and refuses publishing, scheduling, featuring and deleting published stories.
CONTRIBUTOR_PERMISSIONS = [
    ("stories", "add_story"),
    ("stories", "change_story"),
    ("stories", "delete_story"),
    ("stories", "view_story"),
    ("stories", "add_storyimage"),
    ("stories", "change_storyimage"),
    ("stories", "delete_storyimage"),
    ("stories", "view_storyimage"),
    ("stories", "view_country"),
    ("stories", "view_theme"),
    ("stories", "view_contributor"),
]
EDITOR_MODELS = [
    ("stories", "story"),
    ("stories", "storyimage"),
    ("stories", "country"),
    ("stories", "theme"),
    ("stories", "contributor"),
    ("partners", "partner"),
    ("partners", "page"),
    ("taggit", "tag"),
]
EDITOR_EXTRA_PERMISSIONS = [("stories", "publish_story"), ("stories", "manage_consent")]


def make_permissions_exist(apps):
    # Permissions are normally created after all migrations ran; the groups need them now.
    # Both skip an app whose models_module is unset, as it is in a migration's app registry. The
    # old value is put back: tests call create_roles with the project's registry, where clearing it
    # would hide every app from dumpdata and from the post_migrate signal.
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        try:
            create_contenttypes(app_config, apps=apps, verbosity=0)
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            app_config.models_module = models_module


def create_roles(apps, schema_editor):
    make_permissions_exist(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(pairs):
        found = []
        for app_label, codename in pairs:
            found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        return found

    editor_pairs = [
        (app_label, f"{action}_{model}")
        for app_label, model in EDITOR_MODELS
        for action in ("add", "change", "delete", "view")
    ]
    contributor, _ = Group.objects.get_or_create(name=CONTRIBUTOR)
    contributor.permissions.set(permissions(CONTRIBUTOR_PERMISSIONS))
    editor, _ = Group.objects.get_or_create(name=EDITOR)
    editor.permissions.set(permissions(editor_pairs + EDITOR_EXTRA_PERMISSIONS))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[CONTRIBUTOR, EDITOR]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("partners", "0001_initial"),
        ("stories", "0002_editorial_workflow_consent_gallery"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
