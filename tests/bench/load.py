"""Load generation: wrk when installed, else a small bundled Python generator."""

import http.client
import re
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

# What browsers send; the page cache and whitenoise both answer with their brotli copies.
REQUEST_HEADERS = {"Accept-Encoding": "br, gzip"}

WRK = shutil.which("wrk")
INSTALL_HINT = "wrk is not installed (apt-get install wrk); using the bundled Python load generator, which saturates before the server does"


@dataclass
class LoadResult:
    requests: int = 0
    seconds: float = 0.0
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    errors: int = 0  # connection errors and timeouts
    non_success: int = 0  # 4xx and 5xx answers
    server_errors: int = 0  # 5xx answers, when known (the soak counts them)
    extra: dict = field(default_factory=dict)

    @property
    def requests_per_second(self):
        return self.requests / self.seconds if self.seconds else 0.0


def run(url, *, connections, seconds, threads=2, paths=None):
    """Load `url` (or rotate over `paths` on its host) for `seconds` with `connections`."""
    if WRK:
        return run_wrk(url, connections=connections, seconds=seconds, threads=threads, paths=paths)
    return run_python(url, connections=connections, seconds=seconds, paths=paths)


def warm_every_worker(url, connections, runs=4):
    """Load `url` until every gunicorn worker has rendered and cached it, so the rounds measure
    the steady state. A gthread worker keeps each connection it accepted, and one set of
    connections can miss a worker (whose first, cold renders then stall the next round's readers
    on it: 260-300 ms for the home and list pages at 10,000 stories); a few fresh sets reach all."""
    for _ in range(runs):
        run(url, connections=connections, seconds=1)


ROTATE_AND_COUNT = """
local paths = {%s}
local counter = 0
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) server_errors = 0; client_errors = 0 end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1], {["Accept-Encoding"] = "br, gzip"})
end
function response(status, headers, body)
  if status >= 500 then server_errors = server_errors + 1 elseif status >= 400 then client_errors = client_errors + 1 end
end
function done(summary, latency, requests)
  local s, c = 0, 0
  for _, thread in ipairs(threads) do s = s + thread:get("server_errors"); c = c + thread:get("client_errors") end
  io.write(string.format("bench-5xx %%d\\nbench-4xx %%d\\n", s, c))
end
"""


def run_wrk(url, *, connections, seconds, threads, paths):
    command = [WRK, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    with tempfile.TemporaryDirectory() as folder:
        if paths:
            script = Path(folder) / "rotate.lua"
            script.write_text(ROTATE_AND_COUNT % ", ".join(f'"{path}"' for path in paths))
            command += ["-s", str(script)]
        else:
            for name, value in REQUEST_HEADERS.items():
                command += ["-H", f"{name}: {value}"]
        output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    return parse_wrk(output)


UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def parse_wrk(output):
    result = LoadResult()
    found = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m)", output)
    result.requests = int(found.group(1))
    result.seconds = float(found.group(2)) * UNITS_MS[found.group(3)] / 1000
    for percentile, attribute in (("50", "p50_ms"), ("99", "p99_ms")):
        found = re.search(rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s|m)", output, re.MULTILINE)
        if found:
            setattr(result, attribute, float(found.group(1)) * UNITS_MS[found.group(2)])
    found = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if found:
        result.errors = sum(int(number) for number in found.groups())
    found = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    result.non_success = int(found.group(1)) if found else 0
    found = re.search(r"bench-5xx (\d+)", output)
    result.server_errors = int(found.group(1)) if found else None
    return result


def run_python(url, *, connections, seconds, paths=None):
    """Threads with keep-alive connections; latencies of every request. Good enough to find
    errors; its throughput is bounded by the generator itself."""
    parts = urlsplit(url)
    targets = paths or [parts.path + (f"?{parts.query}" if parts.query else "")]
    latencies, counts, lock = [], {"errors": 0, "non_success": 0, "server_errors": 0}, threading.Lock()
    deadline = time.monotonic() + seconds

    def worker(offset):
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        mine, index = [], offset
        while time.monotonic() < deadline:
            path = targets[index % len(targets)]
            index += 1
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers=REQUEST_HEADERS)
                response = connection.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                with lock:
                    counts["errors"] += 1
                connection.close()
                connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
                continue
            mine.append((time.perf_counter() - started) * 1000)
            if response.status >= 400:
                with lock:
                    counts["non_success"] += 1
                    counts["server_errors"] += response.status >= 500
        with lock:
            latencies.extend(mine)

    started = time.monotonic()
    workers = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    latencies.sort()
    result = LoadResult(
        requests=len(latencies),
        seconds=time.monotonic() - started,
        errors=counts["errors"],
        non_success=counts["non_success"],
        server_errors=counts["server_errors"],
    )
    if latencies:
        result.p50_ms = statistics.median(latencies)
        result.p99_ms = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    return result


def interleaved(page_url, ceiling_url, *, rounds, seconds, connections):
    """Page and ceiling in turns, so both see the same noise; the median ratio is reported."""
    page_runs, ceiling_runs = [], []
    for _ in range(rounds):
        page_runs.append(run(page_url, connections=connections, seconds=seconds))
        ceiling_runs.append(run(ceiling_url, connections=connections, seconds=seconds))
    ratios = [
        page.requests_per_second / ceiling.requests_per_second
        for page, ceiling in zip(page_runs, ceiling_runs, strict=True)
        if ceiling.requests_per_second
    ]
    return {
        "rps": statistics.median(run.requests_per_second for run in page_runs),
        "ceiling_rps": statistics.median(run.requests_per_second for run in ceiling_runs),
        "ratio": statistics.median(ratios) if ratios else 0.0,
        "p50": statistics.median(run.p50_ms for run in page_runs),
        # The median round's p99, like the ratios: one round in which a neighbour took the CPU
        # stretches the tail of a static file too (the ceiling's p99 is printed beside it).
        "p99": statistics.median(run.p99_ms for run in page_runs),
        "p99_rounds": [run.p99_ms for run in page_runs],
        "ceiling_p99_rounds": [run.p99_ms for run in ceiling_runs],
        "errors": sum(run.errors + run.non_success for run in page_runs),
    }
