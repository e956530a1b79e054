# The app instances of deploy/compose.yaml, in turn; a failing one is left out by its probe.
probe ready {
    .url = "/readyz";
    .interval = 5s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
}

backend app1 {
    .host = "app1";
    .port = "8000";
    .probe = ready;
}

backend app2 {
    .host = "app2";
    .port = "8000";
    .probe = ready;
}

sub vcl_init {
    new instances = directors.round_robin();
    instances.add_backend(app1);
    instances.add_backend(app2);
}

sub choose_backend {
    set req.backend_hint = instances.backend();
}
