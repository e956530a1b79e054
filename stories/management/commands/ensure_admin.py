import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Make sure an admin login exists: from DJANGO_SUPERUSER_USERNAME / DJANGO_SUPERUSER_PASSWORD "
        "if set, otherwise create 'admin' with a random password printed once. Never changes an existing user."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME", "").strip()
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD", "")
        if username:
            if User.objects.filter(username=username).exists():
                self.stdout.write(f"Admin login: {username} (existing account, unchanged).")
                return
            if not password:
                self.stderr.write("DJANGO_SUPERUSER_USERNAME is set but DJANGO_SUPERUSER_PASSWORD is not.")
                raise SystemExit(2)
            User.objects.create_superuser(username=username, email="", password=password)
            self.stdout.write(
                self.style.SUCCESS(f"Admin login created: {username} (password from DJANGO_SUPERUSER_PASSWORD).")
            )
            return
        existing = User.objects.filter(is_superuser=True).order_by("pk").first()
        if existing:
            self.stdout.write(
                f"Admin login: {existing.get_username()} (existing account; "
                f"forgot the password? python manage.py changepassword {existing.get_username()})."
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username="admin", email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                "\nAn admin login was created. It is shown only this once:\n"
                f"    username: admin\n    password: {password}\n"
            )
        )
