#!/usr/bin/env python3
"""Peak memory of `briefing check` and `briefing print` on each pathological
kind of file (bench/pathological.py), against the file's size; and the time
of `check` on many warnings and errors. Run from the repository root with a
release build: `python3 bench/memory.py [BIN]`. Prints Markdown tables."""
import os, subprocess, sys, time

sys.path.insert(0, os.path.dirname(__file__))
import pathological  # noqa: E402

BIN = sys.argv[1] if len(sys.argv) > 1 else "target/release/briefing"
OUT = "target/bench"
os.makedirs(OUT, exist_ok=True)


def run(args):
    """Wall time (s) and peak RSS (bytes) of one child."""
    start = time.monotonic()
    with open(os.devnull, "wb") as null:
        child = subprocess.Popen([BIN] + args, stdout=null, stderr=null)
        _, status, usage = os.wait4(child.pid, 0)
    return time.monotonic() - start, usage.ru_maxrss * 1024, os.waitstatus_to_exitcode(status)


MEMORY = [
    ("history", 100_000),
    ("indicators", 40_000),
    ("strings", 7_000_000),
    ("sections", 40_000),
    ("warnings", 40_000),
    ("large", 0),
]

print("| file | size | check peak | × size | print peak | × size |")
print("|---|---|---|---|---|---|")
for kind, n in MEMORY:
    path = f"{OUT}/{kind}.toml"
    if kind == "large":
        subprocess.run(["python3", "bench/large.py", "briefings/2023.toml", path], check=True, stderr=subprocess.DEVNULL)
        size = os.path.getsize(path)
    else:
        size = pathological.write(kind, n, path)
    _, check, _ = run(["check", path])
    _, printed, _ = run(["print", "--width", "80", path])
    label = f"{kind} ({n})" if n else "8 MiB briefing"
    print(f"| {label} | {size / 2**20:.1f} MiB | {check / 2**20:.0f} MiB | {check / size:.1f}× "
          f"| {printed / 2**20:.0f} MiB | {printed / size:.1f}× |")

print()
print("| `check` on | size | time | exit |")
print("|---|---|---|---|")
for kind, n in [("warnings", 5_000), ("warnings", 10_000), ("warnings", 20_000), ("warnings", 40_000),
                ("errors-line", 10_000), ("history-late", 20_000)]:
    path = f"{OUT}/{kind}-{n}.toml"
    size = pathological.write(kind, n, path)
    secs, _, code = run(["check", path])
    print(f"| {kind} ({n}) | {size / 2**10:.0f} KiB | {secs:.2f} s | {code} |")
