#!/usr/bin/env python3
"""What the first hybrid search costs where the model is not loaded yet (docs/semantic.md, "Costs").

1. A fresh process: `lede --index INDEX search --mode hybrid|lexical QUERY`, with hyperfine (Debian
   package `hyperfine`), the two modes in alternating rounds so that load changes hit both.
2. `lede serve`: a server started on the index (its own process each time), then its first search
   and the next ones (distinct words, so the server's answer cache is not what is measured), lexical
   and hybrid servers in alternating rounds; time to the first answer includes the model's load for
   hybrid.

Run from the repository root:  python3 bench/scripts/semantic-first-query.py --index DIR [--rounds 3]
The index must have semantic search on (`lede semantic enable`, or SemanticBench's index).
Prints Markdown rows with the machine load beside them.
"""
import argparse, json, os, statistics, subprocess, sys, time, urllib.parse, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORDS = ["interest rates", "election results", "oil prices", "football transfer", "film festival",
         "mobile phone", "stock market", "climate change", "health service", "tax cuts", "world cup",
         "music awards", "bank profits", "prime minister", "space launch", "school exams", "court ruling",
         "airline strike", "video games", "housing market", "trade talks", "energy bills", "tennis final",
         "police inquiry", "budget deficit", "software security", "car makers", "drug trial", "museum art",
         "refugee crisis", "central bank", "olympic team", "internet search", "computer virus"]


def load():
    return "%.2f" % os.getloadavg()[0]


def fresh(lede, index, query, rounds, runs):
    rows = {}
    for r in range(rounds):
        for mode in ("lexical", "hybrid"):
            out = os.path.join("/tmp", "semantic-first-%d-%s.json" % (os.getpid(), mode))
            before = load()
            subprocess.run(["hyperfine", "-N", "--warmup", "1", "--runs", str(runs), "--export-json", out,
                            "%s --index %s search --mode %s %s" % (lede, index, mode, query)],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            res = json.load(open(out))["results"][0]
            os.remove(out)
            rows.setdefault(mode, []).append((res["median"], res["user"] + res["system"], before, load()))
    print("| fresh process, round | mode | median wall s | mean CPU s (user+sys) | load before/after |")
    print("| --- | --- | ---: | ---: | --- |")
    for r in range(rounds):
        for mode in ("lexical", "hybrid"):
            m, cpu, b, a = rows[mode][r]
            print("| %d | %s | %.3f | %.3f | %s / %s |" % (r + 1, mode, m, cpu, b, a))


def serve(lede, index, mode, later):
    before = load()
    t0 = time.perf_counter()
    p = subprocess.Popen([lede, "--index", index, "serve", "--port", "0"], stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, text=True)
    try:
        url = p.stdout.readline().strip().rstrip("/")
        ready = time.perf_counter() - t0

        def ask(words):
            q = urllib.parse.urlencode({"q": words, "mode": mode})
            s = time.perf_counter()
            with urllib.request.urlopen(url + "/api/search?" + q) as r:
                r.read()
            return (time.perf_counter() - s) * 1000

        first = ask(WORDS[0])
        rest = [ask(w) for w in WORDS[1:later + 1]]
        cpu = None
        try:
            with open("/proc/%d/stat" % p.pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
                cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            pass
        return ready, first, statistics.median(rest), max(rest), cpu, before, load()
    finally:
        p.terminate()
        p.wait()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--index", required=True)
    ap.add_argument("--lede", default=os.path.join(ROOT, "lede"))
    ap.add_argument("--query", default="interest rates")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--later", type=int, default=20)
    ap.add_argument("--skip-fresh", action="store_true")
    a = ap.parse_args()
    if not a.skip_fresh:
        fresh(a.lede, a.index, a.query, a.rounds, a.runs)
        print()
    print("| serve, round | mode | ready s | first search ms | next %d: median ms | max ms | server CPU s | load before/after |" % a.later)
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for r in range(a.rounds):
        for mode in ("lexical", "hybrid"):
            ready, first, med, mx, cpu, b, af = serve(a.lede, a.index, mode, a.later)
            print("| %d | %s | %.2f | %.0f | %.1f | %.1f | %s | %s / %s |" % (
                r + 1, mode, ready, first, med, mx, "-" if cpu is None else "%.2f" % cpu, b, af))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
