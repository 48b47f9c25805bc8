"""Drives deploy/run-embedded.sh with wrk; see run.sh. Reads CPU from /proc, so it runs on Linux only."""
import os, re, shutil, signal, socket, subprocess, sys, tempfile, time

seconds, connections = int(sys.argv[1]), int(sys.argv[2])
# "together": the embedded run's one process (silo and API); "apart": a silo process and an API process.
apart = len(sys.argv) > 3 and sys.argv[3] == "apart"
here = os.path.dirname(os.path.abspath(__file__))
TICK = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stat_ticks(path):
    """utime + stime from a /proc stat file, in clock ticks (fields 14 and 15, after the command's parenthesis)."""
    with open(path) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def process_ticks(pid):
    """CPU of the whole process, in clock ticks."""
    return stat_ticks(f"/proc/{pid}/stat")


def tiering_ticks(pid):
    """utime + stime of each of the runtime's tiering threads by thread id, in clock ticks. The runtime starts and
    ends them as it needs them, so CPU is counted per thread across two readings."""
    threads = {}
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/comm") as f:
                if not f.read().startswith(".NET Tiered"):
                    continue
            threads[(pid, task)] = stat_ticks(f"/proc/{pid}/task/{task}/stat")
        except (FileNotFoundError, ProcessLookupError):
            pass  # the thread ended while it was read
    return threads


def wrk(url, script, duration, env):
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "-s", script, url],
                         capture_output=True, text=True, env=env, check=True).stdout
    line = next(l for l in out.splitlines() if l.startswith("RESULT "))
    return {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", line)}


def measured(pids, url, script, duration, env):
    each_before = [process_ticks(p) for p in pids]
    cpu_before = sum(each_before)
    jit_before = {k: v for p in pids for k, v in tiering_ticks(p).items()}
    r = wrk(url, script, duration, env)
    each = [process_ticks(p) - b for p, b in zip(pids, each_before)]
    cpu = sum(each)
    # A tiering thread that ended before the second reading is not counted: the share is a lower bound.
    jit = sum(v - jit_before.get(k, 0) for p in pids for k, v in tiering_ticks(p).items())
    r["rps"] = r["requests"] / r["seconds"]
    r["cpu_us"] = cpu / TICK * 1e6 / max(1, r["requests"])
    r["jit_share"] = jit / max(1, cpu)
    r["each_us"] = [c / TICK * 1e6 / max(1, r["requests"]) for c in each]
    return r


if shutil.which("wrk") is None:
    print("wrk is not installed: installing it", file=sys.stderr)
    subprocess.run("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk",
                   shell=True, check=True, stdout=subprocess.DEVNULL)

api_port = free_port()
env = dict(os.environ, API_PORT=str(api_port), SILO_PORT=str(free_port()), GATEWAY_PORT=str(free_port()),
           CXCLUSTER_APART="1" if apart else "0")
# The cluster's output goes to a file: a pipe nobody reads would fill and stall the processes that log to it.
log = tempfile.NamedTemporaryFile(prefix="cxcluster-wrk-", suffix=".log", delete=False)
cluster = subprocess.Popen(["bash", "deploy/run-embedded.sh"], env=env, stdout=log, stderr=subprocess.STDOUT,
                           start_new_session=True)
try:
    while "CxCluster API on" not in open(log.name, errors="replace").read():
        if cluster.poll() is not None:
            sys.exit(f"the embedded run stopped before its API started; see {log.name}")
        time.sleep(0.5)
    url = f"http://127.0.0.1:{api_port}"
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", api_port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    # Together, the script's own process becomes the server; apart, it waits for its two children.
    pids = [cluster.pid] + [int(p) for p in subprocess.run(["pgrep", "-P", str(cluster.pid)], capture_output=True, text=True).stdout.split()]
    pids = [p for p in pids if "dotnet" in open(f"/proc/{p}/cmdline").read()]
    # The silo first, then the API.
    pids.sort(key=lambda p: "CxCluster.Silo.dll" not in open(f"/proc/{p}/cmdline").read())
    events = os.path.join(here, "events.lua")
    trivial = os.path.join(here, "trivial.lua")

    # Warm-up: both endpoints, 10 s each pass, until the tiering threads use under 1% of the processes' CPU in a
    # pass (their compiling is done), at least three passes, at most twelve.
    passes = 0
    while True:
        passes += 1
        w = measured(pids, url, events, 10, dict(env, RUN_ID=f"warm{passes}"))
        measured(pids, url + "/health/live", trivial, 5, env)
        print(f"warm-up pass {passes}: {w['rps']:,.0f} events/s, {w['cpu_us']:.1f} µs CPU per event, "
              f"tiering threads {w['jit_share']:.1%} of the CPU", file=sys.stderr)
        if passes >= 3 and w["jit_share"] < 0.01 or passes >= 12:
            break

    e = measured(pids, url, events, seconds, dict(env, RUN_ID="run"))
    t = measured(pids, url + "/health/live", trivial, seconds, env)
    shape = "a silo process and an API process" if apart else "one process, silo and API"
    print(f"\nwrk -t2 -c{connections} -d{seconds}s against the embedded run ({shape}), after {passes} warm-up passes\n")
    print(f"| endpoint | requests/s | share of trivial | p50 / p99 ms | non-200 | process CPU per request{' (silo + API)' if apart else ''} | of it, tiering threads |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, r in (("`POST …/events`, `Prefer: return=minimal`", e), ("`GET /health/live` (trivial)", t)):
        print(f"| {name} | {r['rps']:,.0f} | {r['rps'] / t['rps']:.1%} | {r['p50_ms']:.2f} / {r['p99_ms']:.2f} | "
              f"{int(r['non200'])} | {r['cpu_us']:.1f} µs{(' (' + ' + '.join(f'{x:.1f}' for x in r['each_us']) + ')') if apart else ''} | {r['jit_share']:.1%} |")
finally:
    os.killpg(cluster.pid, signal.SIGINT)
    try:
        cluster.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(cluster.pid, signal.SIGKILL)
os.unlink(log.name)
