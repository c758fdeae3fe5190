#!/usr/bin/env python3
"""Whole-process start-up times, alternating commands so that a busy machine's load falls on all alike.

usage: startup-times.py ROUNDS LABEL '{"name": "shell command", ...}'

Runs every command once per round, in the order given, for ROUNDS rounds after two unmeasured warm-up
rounds, with stdout and stderr discarded. Prints, per command, the median wall time, its ratio to the
first command's (make the first a bare `java -version` as the baseline), the fastest run, and the
median CPU time (user + system of the process and its children), which a shared machine disturbs less.
"""
import json
import resource
import statistics
import subprocess
import sys
import time


def cpu_seconds():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def main():
    rounds, label, commands = int(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3])
    wall = {name: [] for name in commands}
    cpu = {name: [] for name in commands}
    for r in range(rounds + 2):
        for name, command in commands.items():
            c0, t0 = cpu_seconds(), time.perf_counter()
            subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            t1, c1 = time.perf_counter(), cpu_seconds()
            if r >= 2:
                wall[name].append((t1 - t0) * 1000)
                cpu[name].append((c1 - c0) * 1000)
    first = statistics.median(next(iter(wall.values())))
    for name in commands:
        m = statistics.median(wall[name])
        print(f"{label}\t{name}\twall median {m:.0f} ms (x{m / first:.2f})\tfastest {min(wall[name]):.0f} ms"
              f"\tcpu median {statistics.median(cpu[name]):.0f} ms\tn={len(wall[name])}")


if __name__ == "__main__":
    main()
