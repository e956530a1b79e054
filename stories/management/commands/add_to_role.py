from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from stories.editorial.roles import CONTRIBUTOR, EDITOR

ROLE_NAMES = {"contributor": CONTRIBUTOR, "editor": EDITOR}


class Command(BaseCommand):
    help = "Give a person a role in the admin: contributor or editor (creates the login if needed)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("role", choices=sorted(ROLE_NAMES))
        parser.add_argument("--email", default="", help="The email address of a new login.")

    def handle(self, *, username, role, email, **options):
        try:
            group = Group.objects.get(name=ROLE_NAMES[role])
        except Group.DoesNotExist:
            raise CommandError(f"The {ROLE_NAMES[role]} group is missing: run `manage.py migrate` first.") from None
        User = get_user_model()
        user, created = User.objects.get_or_create(username=username, defaults={"email": email})
        if created:
            user.set_unusable_password()
        user.is_staff = True  # the admin is where both roles work
        user.save()
        # One role at a time: moving someone from contributor to editor drops the old role.
        user.groups.remove(*Group.objects.filter(name__in=ROLE_NAMES.values()).exclude(pk=group.pk))
        user.groups.add(group)
        self.stdout.write(self.style.SUCCESS(f"{username} is now {role}."))
        if created:
            self.stdout.write(f"New login: set its password with `manage.py changepassword {username}`.")
