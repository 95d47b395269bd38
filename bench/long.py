#!/usr/bin/env python3
"""Write a briefing whose sections are longer than a wide terminal's screen:
the 2023 briefing with each section's items written four times (new ids),
so a page can be measured at 120×40 and 200×50, where every section of the
2023 briefing fits on one screen."""
import re, sys

src = open(sys.argv[1], encoding="utf-8").read()
parts = re.split(r"(?m)^(?=\[\[section\]\]$)", src)
out = [parts[0]]
for part in parts[1:]:
    at = part.find("  [[section.item]]")
    if at < 0:
        out.append(part)
        continue
    head, items = part[:at], part[at:]
    copies = [items] + [
        re.sub(r'(?m)^(\s*id = ")([a-z0-9-]+)"', lambda m, n=n: f'{m.group(1)}{m.group(2)}-{n}"', items)
        for n in range(2, 5)
    ]
    out.append(head + "".join(c if c.endswith("\n\n") else c + "\n" for c in copies))
open(sys.argv[2], "w", encoding="utf-8").write("".join(out))
