"""What the newsroom's browser tests share (a plugin of conftest.py): the two roles' logins, logging in."""

from tests.conftest import PASSWORD


def log_in(page, user, next_url="/admin/"):
    page.goto(f"/admin/login/?next={next_url}")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():  # the next step then acts on the page logged into, never on the form
        page.click("input[type=submit]")


def move_caret_in_body(page, key):
    """Click into the story body, press `key` ("Control+End" or "Control+Home") and wait until
    the editor itself has the caret there.

    ProseMirror reads the browser's selection on its `selectionchange` event; a loaded machine
    may deliver that after Playwright's next key press, which then acts where the editor still
    thinks the caret is (a CI run pressed Enter at the start of the text instead of its end).
    """
    page.locator(".prose-editor [contenteditable=true]").click()
    page.keyboard.press(key)
    page.wait_for_function(
        """(toEnd) => {
            const { selection, doc } = document.querySelector("textarea[name=body]").richTextEditor.state;
            const wanted = toEnd ? selection.constructor.atEnd(doc) : selection.constructor.atStart(doc);
            return selection.empty && selection.from === wanted.from;
        }""",
        arg=key.endswith("End"),
    )


def change_url(story):
    return f"/admin/stories/story/{story.pk}/change/"
