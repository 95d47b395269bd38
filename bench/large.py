#!/usr/bin/env python3
"""Write a valid briefing of just under 8 MiB to the path given: the 2023
briefing's sections repeated with new ids, every indicator and cite kept."""
import re, sys

src = open(sys.argv[1], encoding="utf-8").read()
head, first = src.split("\n[[section]]", 1)
body = "\n[[section]]" + first
out = [head]
size, n = len(head.encode()), 0
limit = 8 * 1024 * 1024 - 64 * 1024
while True:
    n += 1
    part = re.sub(r'^(\s*id = ")([a-z0-9-]+)"', lambda m: f'{m.group(1)}{m.group(2)}-{n}"', body, flags=re.M)
    if size + len(part.encode()) > limit:
        break
    out.append(part)
    size += len(part.encode())
open(sys.argv[2], "w", encoding="utf-8").write("".join(out))
print(f"{sys.argv[2]}: {size} bytes, {n - 1} copies", file=sys.stderr)
