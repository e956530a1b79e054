# Varnish in front of the app instances (Debian's varnish 7): caches what the app marks public,
# for as long as its Cache-Control says, and drops pages by cache tag when the app bans them
# (stories/cache_purge.py sends `BAN /` with a Surrogate-Key header listing the tags).
#
# The backends (the app instances) are in backends.vcl, found on varnishd's vcl_path: the one
# beside this file serves deploy/compose.yaml; tests and other sites put their own first.
vcl 4.1;

import std;
import directors;

include "backends.vcl";

# Who may ban: the app instances, on the machine or a private network.
acl purgers {
    "localhost";
    "127.0.0.1";
    "::1";
    "10.0.0.0"/8;
    "172.16.0.0"/12;
    "192.168.0.0"/16;
}

sub vcl_recv {
    call choose_backend;

    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        # Tags are words the app makes (balkanoscope/cache_tags.py): nothing else reaches a regex.
        if (req.http.Surrogate-Key !~ "^[a-z0-9-]+( [a-z0-9-]+)*$") {
            return (synth(400, "Bad Surrogate-Key"));
        }
        # On obj.* only, so the ban lurker removes matching objects in the background. No
        # space and no quotes in the expression: the ban parser splits on spaces and would keep
        # the quotes as part of the regex.
        if (std.ban("obj.http.Surrogate-Key ~ (^|[[:space:]])(" + regsuball(req.http.Surrogate-Key, " ", "|") + ")([[:space:]]|$)")) {
            return (synth(200, "Banned"));
        }
        return (synth(400, std.ban_error()));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Editors: the admin (change this if ADMIN_URL is not admin/), previews and their images,
    # and anyone logged in. The app never marks these public either; this is belt and braces.
    if (req.url ~ "^/admin/" || req.url ~ "^/([a-z-]+/)?preview/" || req.url ~ "^/media-preview/") {
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken)=") {
        return (pass);
    }
    # Public pages read no cookie (README, "Security"): one copy for every reader.
    unset req.http.Cookie;
    # Stale copies only while the app is down: an expired page (a scheduled story came due) is
    # fetched again by the next request, not served once more.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 0s;
    }
    return (hash);
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    # Only what the app marks public, with no cookie: never a session's page, never a 404
    # (a draft's address answers once it is published) or anything else left unmarked.
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control !~ "public"
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)"
        || beresp.http.Vary ~ "\*") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    if (!beresp.http.Surrogate-Key) {
        set beresp.http.Surrogate-Key = "site lists";
    }
    # Kept past its TTL only to serve while the app is down (vcl_recv sets req.grace).
    set beresp.grace = 1h;
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
    # Tags are for proxies; readers need not see them.
    unset resp.http.Surrogate-Key;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
