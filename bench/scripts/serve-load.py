#!/usr/bin/env python3
"""Load on `lede serve`: 16 concurrent clients for 60 s against an index of the 59,472-record benchmark
set, with wrk (Debian package `wrk`), then again while another process indexes into the same index.

Run from the repository root, with ../shared beside it:  python3 bench/scripts/serve-load.py [--seconds 60]
Prints one Markdown row per run: requests/s, p50 and p99 latency, errors, and the server's heap after.
Everything it writes goes to a temporary folder, removed at the end.

  --shared DIR      where the benchmark set's generator is (default ../shared)
  --index DIR       copy this index of the set instead of indexing it again (saves minutes)
  --url URL         load a server that is already running (one run, no writer): for profiling it
  --pid PID         with --url: the server's process id, for its CPU time per request and heap
  --server-opts S   LEDE_JAVA_OPTS for the server (e.g. "-XX:StartFlightRecording=...")
  --paths N         how many distinct searches the clients cycle through (default 1000)
  --zipf S          instead of cycling through --paths searches in turn, draw 50,000 requests from them
                    with Zipf weights of exponent S (1.0 is typical of search logs)
  --lede PATH       serve with this launcher (another checkout's, to compare builds)
  --cache-mb N      the server's --cache-mb (default: its own, 32; 0 measures without the search cache)
"""
import argparse, json, os, random, re, shutil, signal, subprocess, sys, tempfile, time, urllib.parse, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def queries(records, n, seed):
    """n search paths drawn from headlines: 1-3 words, some with a source filter, facets or a sort."""
    rnd = random.Random(seed)
    titles = [r["title"] for r in records if r.get("title")]
    out = []
    for _ in range(n):
        words = [w for w in re.findall(r"[A-Za-z]{4,}", rnd.choice(titles))]
        if not words:
            continue
        q = " ".join(rnd.sample(words, min(len(words), rnd.randint(1, 3))))
        params = {"q": q, "limit": "10"}
        kind = rnd.random()
        if kind < 0.2:
            params["source"] = rnd.choice(["bbc.co.uk", "huffpost.com", "agnews.example"])
        elif kind < 0.35:
            params["facets"] = "true"
        elif kind < 0.45:
            params["sort"] = "newest"
        out.append("/api/search?" + urllib.parse.urlencode(params))
    return out


def zipf_sequence(pool, length, s, seed):
    """length requests drawn from pool with Zipf weights (rank r asked in proportion to 1/r^s): a few
    searches are asked often and most rarely, as in a search log."""
    rnd = random.Random(seed)
    weights = [1.0 / (r + 1) ** s for r in range(len(pool))]
    return rnd.choices(pool, weights=weights, k=length)


def lua(paths, file):
    with open(file, "w") as f:
        f.write("local paths = {\n")
        for p in paths:
            f.write("  " + json.dumps(p) + ",\n")
        # each wrk thread starts at another place in the list
        f.write("}\nlocal threads = 0\nfunction setup(thread)\n  threads = threads + 1\n  thread:set(\"id\", threads)\nend\n"
                "local i = 0\nfunction init(args)\n  i = (id or 0) * 7919\nend\n"
                "request = function()\n  i = i + 1\n  return wrk.format(\"GET\", paths[(i % #paths) + 1])\nend\n")


def ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(url, script, seconds):
    out = subprocess.run(["wrk", "-t2", "-c16", f"-d{seconds}s", "--latency", "-s", script, url],
                         capture_output=True, text=True, check=True).stdout
    lat = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", out, re.M))
    p = {k: ms(*re.match(r"([\d.]+)(\w+)", v).groups()) for k, v in lat.items()}
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    run_wrk.requests = int(re.search(r"(\d+) requests in", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    bad = int(non2xx.group(1)) if non2xx else 0
    broken = sum(int(x) for x in sock.groups()) if sock else 0
    errors = f"{bad + broken} ({bad} non-2xx, {broken} socket: {sock.group(0) if sock else 'none'})" if bad + broken else "0"
    return rps, p.get("50"), p.get("99"), errors


def cpu_seconds(pid):
    """User + system CPU seconds the process has used so far (Linux /proc)."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def request_cpu_seconds(pid):
    """CPU seconds of the threads that answer requests (the virtual threads' carriers and the HTTP
    dispatcher), without the JIT compilers and the collector: on a busy machine a short run's
    compiling would otherwise be counted against its requests."""
    total = 0.0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            name = open(f"/proc/{pid}/task/{task}/comm").read().strip()
            if name.startswith(("ForkJoinPool", "HTTP-Dispatcher")):
                fields = open(f"/proc/{pid}/task/{task}/stat").read().rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            pass  # a thread that ended meanwhile
    return total


def cache_counts(url):
    """(hits, misses, answers made ahead for new commits) of the server's search cache so far, from /healthz."""
    try:
        c = json.load(urllib.request.urlopen(url + "/healthz", timeout=10)).get("search_cache") or {}
        return c.get("hits", 0), c.get("misses", 0), c.get("warmed", 0)
    except OSError:
        return 0, 0, 0


def heap_mb(pid, jdk):
    out = subprocess.run([os.path.join(jdk, "bin", "jcmd"), str(pid), "GC.heap_info"], capture_output=True, text=True).stdout
    m = re.search(r"used (\d+)K", out)
    return int(m.group(1)) // 1024 if m else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=60)
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--index")
    ap.add_argument("--url")
    ap.add_argument("--pid", type=int, help="with --url: the server's process id, for its CPU time and heap")
    ap.add_argument("--server-opts", default="")
    ap.add_argument("--paths", type=int, default=1000)
    ap.add_argument("--cache-mb", type=int)
    ap.add_argument("--zipf", type=float)
    ap.add_argument("--lede", default=os.path.join(ROOT, "lede"), help="the launcher to serve with (another checkout's, to compare)")
    a = ap.parse_args()
    sys.path.insert(0, os.path.join(a.shared, "bench"))
    import news_corpus  # noqa: E402  (the benchmark set's generator)
    if not shutil.which("wrk"):
        sys.exit("needs wrk: apt-get install wrk")
    jdk = open(os.path.join(ROOT, "cli", "target", ".lede-jdk")).read().strip() if os.path.exists(
        os.path.join(ROOT, "cli", "target", ".lede-jdk")) else os.environ.get("JAVA_HOME", "")
    work = tempfile.mkdtemp(prefix="serve-load-")
    server = None
    try:
        data = os.path.join(work, "news.jsonl")
        news_corpus.write(data, copies=3)
        records = [json.loads(line) for line in open(data, encoding="utf-8")]
        script = os.path.join(work, "paths.lua")
        pool = queries(records, a.paths, 7)
        lua(zipf_sequence(pool, 50000, a.zipf, 11) if a.zipf else pool, script)
        mix = f"{len(set(pool))} distinct searches" + (f", Zipf {a.zipf:g}" if a.zipf else " in turn")
        header = ("| run | requests/s | p50 ms | p99 ms | errors | cache hits | server CPU ms per request (request threads) | heap used after, MB | load |\n"
                  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")

        def measured(label, pid):
            before = cpu_seconds(pid) if pid else None
            before_req = request_cpu_seconds(pid) if pid else None
            h0, m0, w0 = cache_counts(url)
            rps, p50, p99, err = run_wrk(url, script, a.seconds)
            h1, m1, w1 = cache_counts(url)
            asked = (h1 - h0) + (m1 - m0)
            hit_rate = f"{100 * (h1 - h0) / asked:.1f}%" if asked else "off"
            if w1 > w0:
                hit_rate += f" ({w1 - w0} warmed)"
            n = max(run_wrk.requests, 1)
            cpu = f"{(cpu_seconds(pid) - before) * 1000 / n:.2f} ({(request_cpu_seconds(pid) - before_req) * 1000 / n:.2f})" if pid else ""
            heap = heap_mb(pid, jdk) if pid else ""
            print(f"| {label} | {rps:.0f} | {p50:.2f} | {p99:.2f} | {err} | {hit_rate} | {cpu} | {heap} | {os.getloadavg()[0]:.1f} |", flush=True)

        if a.url:
            url = a.url.rstrip("/")
            run_wrk(url, script, 10)  # warm-up, not reported
            print(header)
            measured(f"16 clients, {a.seconds} s, {mix}", a.pid)
            return
        idx = os.path.join(work, "idx")
        if a.index:
            shutil.copytree(a.index, idx)
        else:
            subprocess.run([os.path.join(ROOT, "lede"), "-q", "--index", idx, "index", data, "--format", "newsplease"], check=True)
        env = dict(os.environ, LEDE_JAVA_OPTS=a.server_opts) if a.server_opts else None
        cache = ["--cache-mb", str(a.cache_mb)] if a.cache_mb is not None else []
        server = subprocess.Popen([a.lede, "--index", idx, "serve", "--port", "0"] + cache,
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
        url = server.stdout.readline().strip().rstrip("/")
        run_wrk(url, script, 20)  # warm-up, not reported
        print(header)
        measured(f"16 clients, {a.seconds} s, {mix}", server.pid)
        # the second run: another process indexes 19,824 more records into the same index meanwhile
        more = os.path.join(work, "more.jsonl")
        with open(more, "w", encoding="utf-8") as f:
            for r in records[:19824]:
                f.write(json.dumps(dict(r, url=r["url"] + "/more"), ensure_ascii=False) + "\n")
        writer = subprocess.Popen([a.lede, "-q", "--index", idx, "index", more, "--format", "newsplease",
                                   "--commit-every", "2000"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        measured("the same, `lede index` writing into the index meanwhile", server.pid)
        wrote = "finished" if writer.poll() is not None else "still running (stopped now)"
        if writer.poll() is None:
            writer.send_signal(signal.SIGTERM)  # on a busy machine it may take minutes more; the run is what counts
        writer.wait()
        print(f"(the writer had {wrote} when the run ended)")
    finally:
        if server:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
