"""Security headers, cookies, media hardening, login throttling, sessions and request logs."""

import logging

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import image_upload, make_country, make_page, make_partner, make_story, make_theme, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    story = make_story("A story", countries=["Serbia"], themes=["Poverty"], hero_image=image_upload())
    make_partner()
    make_page()
    return story


def public_urls(story):
    return [
        reverse("stories:home"),
        reverse("stories:list"),
        reverse("stories:list", query={"country": "serbia", "page": "1"}),
        story.get_absolute_url(),
        reverse("stories:countries"),
        reverse("stories:country", kwargs={"slug": "serbia"}),
        reverse("stories:themes"),
        reverse("stories:theme", kwargs={"slug": "poverty"}),
        reverse("partners:list"),
        reverse("partners:detail", kwargs={"slug": "european-western-balkans"}),
        reverse("partners:about"),
        reverse("stories:feed"),
        reverse("stories:short_link", kwargs={"pk": story.pk}),
        reverse("sitemap"),
        reverse("robots_txt"),
        "/no-such-page/",
    ]


def csp_directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_pages_carry_a_strict_content_security_policy(client, content):
    for url in public_urls(content):
        directives = csp_directives(client.get(url))
        assert directives["default-src"] == ["'self'"]
        assert directives["object-src"] == ["'none'"]
        assert directives["base-uri"] == ["'self'"]
        assert directives["frame-ancestors"] == ["'none'"]
        assert directives["form-action"] == ["'self'"]
        assert "'unsafe-inline'" not in directives["script-src"]
        assert "'unsafe-eval'" not in directives["script-src"]
        assert "'unsafe-eval'" not in directives.get("style-src", [])


def test_pages_carry_the_other_security_headers(client, content):
    for url in public_urls(content):
        response = client.get(url)
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"
        policy = response["Permissions-Policy"]
        for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
            assert f"{feature}=()" in policy
        assert "clipboard-write=(self)" in policy  # the story page's copy-link button


def test_permissions_policy_names_only_features_chromium_knows(client, content):
    """Chromium reports every feature it does not know on the console of every page."""
    features = {part.split("=")[0] for part in client.get("/")["Permissions-Policy"].split(", ")}
    assert not features & {"ambient-light-sensor", "bluetooth", "web-share"}
    assert {"camera", "microphone", "geolocation", "payment", "usb", "serial", "hid"} <= features


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_chromium_accepts_the_permissions_policy_of_a_cached_page(page, content):
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    for _ in range(2):  # rendered, then from the page cache
        response = page.goto(content.get_absolute_url())
        assert "camera=()" in response.headers["permissions-policy"]
        page.wait_for_load_state("load")
    assert [text for text in messages if "Permissions-Policy" in text] == []


def test_admin_login_carries_the_headers_too(client):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 200
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.operational  # manage.py in a new process
def test_https_settings_turn_on_hsts_and_secure_cookies():
    from tests.test_settings import GOOD_KEY, run_manage

    code = (
        "from django.conf import settings as s; print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_PRELOAD, "
        "s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE, s.SECURE_SSL_REDIRECT)"
    )
    env = {"DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": GOOD_KEY, "DJANGO_ALLOWED_HOSTS": "balkanoscope.example"}
    result = run_manage("shell", "--no-imports", "-c", code, **env)
    assert result.stdout.split() == ["31536000", "True", "True", "True", "True", "True", "True", "Lax", "True"]
    result = run_manage("shell", "--no-imports", "-c", code, DJANGO_HSTS_PRELOAD="false", **env)
    assert result.stdout.split()[1] == "False"


def test_hsts_header_is_sent_over_https(client, settings):
    settings.SECURE_HSTS_SECONDS = 3600
    settings.SECURE_HSTS_PRELOAD = True
    response = client.get(reverse("stories:home"), secure=True)
    assert response["Strict-Transport-Security"] == "max-age=3600; preload"


def test_public_pages_set_no_cookies(client, content):
    for url in public_urls(content):
        for method in (client.get, client.head):
            response = method(url)
            assert not response.cookies, (url, response.cookies)
    assert not client.cookies


def test_admin_login_page_sets_the_csrf_cookie_it_needs(client):
    response = client.get(reverse("admin:login"))
    cookie = response.cookies[settings.CSRF_COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


# Media: only images, never HTML or SVG, and sandboxed.


def fetch_media(client, path):
    """GET a media file and read it to the end, which closes it (as a WSGI server would)."""
    response = client.get(path)
    if response.streaming:
        b"".join(response.streaming_content)
    return response


def test_media_images_are_served_sandboxed_with_their_type(client, content):
    response = fetch_media(client, content.hero_image.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "name", ["evil.html", "evil.svg", "evil.htm", "evil.js", "evil.xml", "evil", "evil.jpg.html", "evil.SVG"]
)
def test_media_never_serves_anything_but_images(client, media_root, name):
    (media_root / name).write_text("<script>alert(1)</script>")
    assert fetch_media(client, f"/media/{name}").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/media/../balkanoscope/settings.py",
        "/media/..%2f..%2fetc%2fpasswd.jpg",
        "/media/%2e%2e/%2e%2e/etc/hostname.png",
        "/media//etc/passwd.jpg",
        "/media/stories/..%5c..%5csecret.jpg",
        "/media/%00.jpg",
    ],
)
def test_media_refuses_path_traversal(client, path):
    assert fetch_media(client, path).status_code in {400, 404}


def test_a_file_posing_as_an_image_still_gets_an_image_type(client, media_root):
    # Even HTML named .jpg is labelled image/jpeg and nosniff: browsers will not render it.
    (media_root / "posing.jpg").write_text("<html><script>alert(1)</script></html>")
    response = fetch_media(client, "/media/posing.jpg")
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"


# Admin: lockout, sessions.


def login(client, username, password, address="203.0.113.5"):
    return client.post(
        reverse("admin:login"), {"username": username, "password": password}, REMOTE_ADDR=address, follow=False
    )


def test_admin_login_is_locked_after_repeated_failures_even_with_the_right_password(client, settings):
    make_user("editor", password="the-right-password-123")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login(client, "editor", "wrong").status_code == 200  # the form again, with its error
    response = login(client, "editor", "wrong")
    assert response.status_code == 429
    body = response.content.decode()
    assert "Too many failed logins" in body and "15 minutes" in body
    # Locked: the right password is refused too, from another address as well (per user).
    assert login(client, "editor", "the-right-password-123", address="198.51.100.7").status_code == 429
    assert "_auth_user_id" not in client.session


def test_admin_login_is_locked_per_address_across_usernames(client, settings):
    make_user("someone", password="the-right-password-123")
    for number in range(settings.AXES_FAILURE_LIMIT):
        login(client, f"guess{number}", "wrong", address="192.0.2.9")
    assert login(client, "someone", "the-right-password-123", address="192.0.2.9").status_code == 429
    # Another address may still log in as that user.
    assert login(client, "someone", "the-right-password-123", address="192.0.2.10").status_code == 302


def test_lockout_says_in_retry_after_how_many_seconds_are_left(client, settings):
    from datetime import timedelta

    from axes.models import AccessAttempt

    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = login(client, "editor", "wrong")
    assert response.status_code == 429
    assert response["Retry-After"] == str(15 * 60)  # the whole cool-off, just begun
    # Ten minutes into the lockout (attempts while locked do not restart the clock here).
    settings.AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
    attempt = AccessAttempt.objects.get(username="editor")
    attempt.attempt_time -= timedelta(minutes=10)
    attempt.save()
    response = login(client, "editor", "wrong", address="198.51.100.7")
    assert response.status_code == 429
    assert 298 <= int(response["Retry-After"]) <= 300
    assert "5 minutes" in response.content.decode()


def test_lockout_is_stored_in_the_database_so_every_instance_sees_it(client, settings):
    from axes.models import AccessAttempt

    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "editor", "wrong")
    assert AccessAttempt.objects.filter(username="editor").exists()
    assert settings.AXES_HANDLER == "axes.handlers.database.AxesDatabaseHandler"


def test_client_address_comes_from_trusted_proxies_only(rf, settings):
    from balkanoscope.middleware import client_ip

    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.9"  # the client cannot pick 6.6.6.6


def test_health_checks_bypass_the_lockout(client, settings):
    for number in range(settings.AXES_FAILURE_LIMIT + 1):
        login(client, f"guess{number}", "wrong", address="127.0.0.1")
    assert client.get("/healthz", REMOTE_ADDR="127.0.0.1").status_code == 200
    response = client.get("/readyz", REMOTE_ADDR="127.0.0.1")
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]


def test_changing_the_password_logs_out_every_other_session(client):
    user = make_user("editor", is_superuser=True, password="first-password-123")
    other_browser = type(client)()
    other_browser.force_login(user)
    client.force_login(user)
    response = client.post(
        reverse("admin:password_change"),
        {
            "old_password": "first-password-123",
            "new_password1": "x7-second-pw!long",
            "new_password2": "x7-second-pw!long",
        },
    )
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200  # this session was kept
    response = other_browser.get(reverse("admin:index"))
    assert response.status_code == 302 and reverse("admin:login") in response["Location"]
    user.refresh_from_db()
    assert user.check_password("x7-second-pw!long")


def test_sessions_end_with_the_browser_and_after_a_working_day(client):
    make_user("editor", password="first-password-123")
    response = login(client, "editor", "first-password-123")
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert not cookie["max-age"] and not cookie["expires"]  # a browser-session cookie
    assert cookie["httponly"]
    assert client.session.get_expiry_age() <= 12 * 60 * 60


def test_password_validators_refuse_weak_passwords(client):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("password123")
    with pytest.raises(ValidationError):
        validate_password("short")


# Request logging.


def test_each_request_is_logged_once_without_query_string_or_address(client, caplog):
    make_country("Serbia")
    make_theme("Poverty")
    with caplog.at_level(logging.INFO, logger="balkanoscope.request"):
        client.get("/stories/?token=s3cret&country=serbia", REMOTE_ADDR="203.0.113.77", HTTP_COOKIE="sessionid=abc")
    records = [r for r in caplog.records if r.name == "balkanoscope.request"]
    assert len(records) == 1
    record = records[0]
    assert (record.method, record.path, record.status) == ("GET", "/stories/", 200)
    assert isinstance(record.duration_ms, float)
    text = caplog.text
    assert "s3cret" not in text and "203.0.113.77" not in text and "abc" not in text


def test_invalid_host_is_a_400_logged_in_one_line(client, caplog):
    with caplog.at_level(logging.INFO):
        response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    (record,) = [r for r in caplog.records if r.name == "balkanoscope.request"]
    assert record.reason == "disallowed_host" and record.status == 400
    assert record.exc_info is None
    # Django's own error record with its traceback goes nowhere (see test_serving for the real log).
    security_logger = logging.getLogger("django.security.DisallowedHost")
    assert not security_logger.propagate


def test_log_formats_are_one_line_key_value_or_json():
    import json

    from balkanoscope.logs import JsonFormatter, KeyValueFormatter

    record = logging.LogRecord("balkanoscope.request", logging.INFO, __file__, 1, "GET %s", ("/a b\nforged",), None)
    record.status = 200
    record.request = object()  # Django attaches request objects: never serialised
    line = KeyValueFormatter().format(record)
    assert "\n" not in line and "status=200" in line and 'msg="GET /a b\\nforged"' in line
    data = json.loads(JsonFormatter().format(record))
    assert data["status"] == 200 and data["level"] == "INFO" and "request" not in data


@pytest.mark.operational  # manage.py in a new process
def test_log_format_comes_from_the_environment():
    from tests.test_settings import run_manage

    code = "from django.conf import settings as s; print(s.LOGGING['handlers']['console']['formatter'])"
    assert run_manage("shell", "--no-imports", "-c", code, DJANGO_LOG_FORMAT="json").stdout.strip() == "json"
    assert run_manage("shell", "--no-imports", "-c", code).stdout.strip() == "plain"
    result = run_manage("check", DJANGO_LOG_FORMAT="xml")
    assert result.returncode == 2 and "DJANGO_LOG_FORMAT" in result.stderr
