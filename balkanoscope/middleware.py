"""Site-wide middleware."""

from balkanoscope import health

HEALTH_CHECKS = {"/healthz": health.healthz, "/readyz": health.readyz}


def health_check_middleware(get_response):
    """Answer load balancers' probes before host validation, sessions or anything else:
    probes come to the container's own address, which is not an allowed host."""

    def middleware(request):
        check = HEALTH_CHECKS.get(request.path_info)
        if check is not None:
            return check(request)
        return get_response(request)

    return middleware
