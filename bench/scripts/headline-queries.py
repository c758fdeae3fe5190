#!/usr/bin/env python3
"""Two-word queries from headlines: the two longest words (over 3 letters) of every 7th original article.

usage: headline-queries.py bbc-syndicated.jsonl [N] > queries.txt   (N: at most this many, default 300)
"""
import json
import re
import sys

limit = int(sys.argv[2]) if len(sys.argv) > 2 else 300
out = []
for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    r = json.loads(line)
    if "#copy" in r["id"] or i % 7:
        continue
    words = [w for w in re.findall(r"[A-Za-z]+", r["headline"]) if len(w) > 3]
    if len(words) >= 2:
        out.append(" ".join(sorted(words, key=len, reverse=True)[:2]).lower())
print("\n".join(out[:limit]))
