"""What the newsroom's browser tests share (a plugin of conftest.py): the two roles' logins, logging in."""

from tests.conftest import PASSWORD


def log_in(page, user, next_url="/admin/"):
    page.goto(f"/admin/login/?next={next_url}")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_load_state()


def change_url(story):
    return f"/admin/stories/story/{story.pk}/change/"
