#!/usr/bin/env python3
"""Measure a terminal program as an SSH user sees it: bytes and time.

Runs COMMAND on a fresh pseudo-terminal of COLSxROWS, answers cursor-position
queries, and DECRQM for the modes given with --decrqm MODE=STATE as
/work/shared/tools/ptybench.py does (0 unknown, 1 set, 2 reset, 3/4
permanently set/reset; other modes get no answer). Reports as JSON: time to
the first complete frame (the last byte before QUIET ms of silence), its
bytes, the bytes and latency of each scripted key, bytes written while idle,
and peak memory (VmHWM).

  bandwidth.py --cols 80 --rows 24 --keys 'j*10,space*3,],q' [--idle 10] [--decrqm 69=2] -- CMD ARGS...

Keys: a character, or one of space enter esc right left up down pgdn pgup home end,
NAME*N repeats. Stdlib only.
"""
import argparse, json, os, pty, re, select, signal, struct, fcntl, termios, time

KEYS = {"space": b" ", "enter": b"\r", "esc": b"\x1b", "right": b"\x1b[C", "left": b"\x1b[D",
        "up": b"\x1b[A", "down": b"\x1b[B", "pgdn": b"\x1b[6~", "pgup": b"\x1b[5~",
        "home": b"\x1b[H", "end": b"\x1b[F", "comma": b","}
ESC_RE = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78MDEc]")


def parse_keys(spec):
    out = []
    for tok in filter(None, (t.strip() for t in spec.split(","))):
        m = re.match(r"^(.+?)\*(\d+)$", tok)
        name, n = (m.group(1), int(m.group(2))) if m else (tok, 1)
        out += [name] * n
    return out


def peak_kib(pid):
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


class Pty:
    def __init__(self, cmd, cols, rows, decrqm=()):
        self.t0 = time.monotonic()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            env = dict(os.environ, TERM="xterm-256color", LINES=str(rows), COLUMNS=str(cols))
            env.pop("COLORTERM", None)
            env.pop("TMUX", None)
            os.execvpe(cmd[0], cmd, env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.rows, self.peak = rows, 0
        self.decrqm = [(f"\x1b[?{m}$p".encode(), f"\x1b[?{m};{v}$y".encode())
                       for m, _, v in (d.partition("=") for d in decrqm)]

    def now(self):
        return (time.monotonic() - self.t0) * 1000

    def read(self, wait_ms):
        """Bytes that arrive within wait_ms, with the time of the last read."""
        r, _, _ = select.select([self.fd], [], [], wait_ms / 1000)
        if not r:
            return b"", None
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            return b"", None
        if b"\x1b[6n" in data:
            os.write(self.fd, f"\x1b[{self.rows};1R".encode())
        for query, answer in self.decrqm:
            if query in data:
                os.write(self.fd, answer)
        self.peak = max(self.peak, peak_kib(self.pid) or 0)
        return data, self.now()

    def burst(self, quiet_ms, first_wait_ms):
        """Everything written until quiet_ms of silence; (bytes, first_ms, last_ms)."""
        out, first, last = b"", None, None
        data, at = self.read(first_wait_ms)
        while data:
            out += data
            first = first or at
            last = at
            data, at = self.read(quiet_ms)
        return out, first, last


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cols", type=int, default=80)
    p.add_argument("--rows", type=int, default=24)
    p.add_argument("--keys", default="q")
    p.add_argument("--quiet-ms", type=float, default=200)
    p.add_argument("--idle", type=float, default=0, help="seconds of idle to measure after the keys (before the last)")
    p.add_argument("--dump", default=None, help="write all output bytes here (offsets per key are reported)")
    p.add_argument("--decrqm", action="append", default=[], metavar="MODE=STATE",
                   help="answer DECRQM for MODE with STATE (repeatable)")
    p.add_argument("cmd", nargs="+")
    a = p.parse_args()
    t = Pty(a.cmd, a.cols, a.rows, a.decrqm)
    frame, _, first_frame_ms = t.burst(a.quiet_ms, 10000)
    everything = frame
    res = {"cmd": a.cmd, "cols": a.cols, "rows": a.rows, "first_frame_ms": first_frame_ms,
           "first_frame_bytes": len(frame), "keys": []}
    keys = parse_keys(a.keys)
    for i, name in enumerate(keys):
        if a.idle and i == len(keys) - 1:
            idle, _, _ = t.burst(a.idle * 1000, a.idle * 1000)
            res["idle_seconds"], res["idle_bytes"] = a.idle, len(idle)
        sent = t.now()
        os.write(t.fd, KEYS.get(name, name.encode()))
        out, first, last = t.burst(a.quiet_ms if i < len(keys) - 1 else 50, 1000)
        everything += out
        text = ESC_RE.sub(b"", out)
        res["keys"].append({"key": name, "bytes": len(out), "text_bytes": len(text),
                            "offset": len(everything),
                            "first_ms": None if first is None else round(first - sent, 3),
                            "last_ms": None if last is None else round(last - sent, 3)})
    try:
        _, status = os.waitpid(t.pid, 0)
        res["exit"] = os.waitstatus_to_exitcode(status)
    except ChildProcessError:
        res["exit"] = None
    res["peak_kib"] = t.peak
    if a.dump:
        open(a.dump, "wb").write(everything)
    print(json.dumps(res))


if __name__ == "__main__":
    main()
