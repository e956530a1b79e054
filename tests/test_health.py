"""The load balancers' probes: read-only, like every reader page."""

import pytest

pytestmark = pytest.mark.django_db

PROBES = ["/healthz", "/readyz"]


@pytest.mark.parametrize("probe", PROBES)
def test_probes_answer_get_and_head(client, probe):
    assert client.get(probe).status_code == 200
    assert client.head(probe).status_code == 200


@pytest.mark.parametrize("probe", PROBES)
@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT", "PROPFIND"])
def test_probes_refuse_every_other_method_with_405(client, probe, method):
    response = client.generic(method, probe)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
