"""What the newsroom's browser tests share (a plugin of conftest.py): the two roles' logins, logging in."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group

from stories.editorial.roles import CONTRIBUTOR, EDITOR
from tests.factories import make_user

PASSWORD = "a-long-test-password"


@pytest.fixture
def roles():
    # Transactional tests start from empty tables: make the roles as the migration does.
    importlib.import_module("stories.migrations.0003_create_editor_and_contributor_roles").create_roles(apps, None)


@pytest.fixture
def editor(roles):
    return make_user("editor", groups=[Group.objects.get(name=EDITOR)], password=PASSWORD)


@pytest.fixture
def contributor(roles):
    return make_user("contributor", groups=[Group.objects.get(name=CONTRIBUTOR)], password=PASSWORD)


def log_in(page, user, next_url="/admin/"):
    page.goto(f"/admin/login/?next={next_url}")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_load_state()


def change_url(story):
    return f"/admin/stories/story/{story.pk}/change/"
