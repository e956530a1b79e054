"""What the newsroom's browser tests share (a plugin of conftest.py): the two roles' logins, logging in."""

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

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
    for _ in range(3):  # a key press the loaded browser dropped is pressed again, as a person would
        page.keyboard.press(key)
        try:
            page.wait_for_function(CARET_IS_THERE, arg=key.endswith("End"), timeout=3000)
            return
        except PlaywrightTimeoutError:
            continue
    state = page.evaluate(
        "() => { const s = document.querySelector('textarea[name=body]').richTextEditor.state;"
        " return [document.activeElement.className, s.selection.from, s.selection.to, s.doc.content.size]; }"
    )
    raise AssertionError(f"after {key}, the editor's caret is not there (focus, from, to, size): {state}")


CARET_IS_THERE = """(toEnd) => {
    const { selection, doc } = document.querySelector("textarea[name=body]").richTextEditor.state;
    const wanted = toEnd ? selection.constructor.atEnd(doc) : selection.constructor.atStart(doc);
    return selection.empty && selection.from === wanted.from;
}"""


def change_url(story):
    return f"/admin/stories/story/{story.pk}/change/"
