#!/usr/bin/env python3
"""Write a generated briefing of one pathological kind: `pathological.py KIND N OUT`.

Kinds (N is the count of the repeated thing):
  warnings      N indicators without `cite` (N warnings), 10 to a section
  errors-line   N bad history points on one long line (N errors on one line)
  history-late  N monthly history points from the year 1000 (most after the period)
  history       N valid history points on one indicator
  indicators    N indicators, 50 to a section
  strings       one body of N bytes of text, in lines of 60 characters
  sections      N sections with a body each
"""
import sys

HEAD = 'schema = 1\n[briefing]\ntitle = "T"\norganization = "O"\nperiod = "9999"\n\n'


def section(i, body="正文。", extra=""):
    return f'[[section]]\nid = "s{i}"\ntitle = "节{i}"\nbody = "{body}"\n{extra}'


def indicator(i, cite=True, history=""):
    c = 'cite = "正文"\n' if cite else ""
    return f'[[section.indicator]]\nid = "x{i}"\nlabel = "指标{i}"\nvalue = {i}\n{c}{history}'


def month(k):
    return f"{1000 + k // 12:04d}-{k % 12 + 1:02d}"


def write(kind, n, out):
    parts = [HEAD]
    if kind == "warnings":
        for s in range(0, n, 10):
            parts.append(section(s) + "".join(indicator(i, cite=False) for i in range(s, min(n, s + 10))))
    elif kind == "errors-line":
        points = ", ".join(f'{{ period = "bad{k}", value = 1 }}' for k in range(n))
        parts.append(section(0) + indicator(0, history=f"history = [{points}]\n"))
    elif kind in ("history-late", "history"):
        head = HEAD if kind == "history" else HEAD.replace('"9999"', '"2023"')
        parts = [head]
        points = "".join(f'  {{ period = "{month(k)}", value = {k} }},\n' for k in range(n))
        parts.append(section(0) + indicator(0, history=f"history = [\n{points}]\n"))
    elif kind == "indicators":
        for s in range(0, n, 50):
            parts.append(section(s) + "".join(indicator(i) for i in range(s, min(n, s + 50))))
    elif kind == "strings":
        line = "平安建设新动能综述正文" * 2
        text = "\n".join(line for _ in range(max(1, n // len(line.encode()))))
        parts.append(f'[[section]]\nid = "s"\ntitle = "长"\nbody = """\n{text}\n"""\n')
    elif kind == "sections":
        parts.extend(section(i) for i in range(n))
    else:
        sys.exit(f"unknown kind {kind}")
    data = "".join(parts)
    with open(out, "w", encoding="utf-8") as f:
        f.write(data)
    return len(data.encode())


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    size = write(sys.argv[1], int(sys.argv[2]), sys.argv[3])
    print(f"{sys.argv[3]}: {size} bytes", file=sys.stderr)
