#!/usr/bin/env python3
"""Writes the BBC set with syndicated copies, for measuring story collapse.

usage: syndicate.py corpora/bbc/bbc.jsonl.gz > bbc-syndicated.jsonl

Article i (from 0) gets i mod 4 copies: the same headline and body plus a closing line "Copy note c.",
from wire<c>.example, c+1 hours after it. Lede groups each article with its copies into one story, so
a quarter of the stories have one member and the rest two to four. Dates are spread over 2005.
"""
import gzip
import json
import sys

for i, line in enumerate(gzip.open(sys.argv[1], "rt", encoding="utf-8")):
    r = json.loads(line)
    day, month = 1 + i % 28, 1 + (i // 28) % 12
    article = {"id": r["id"], "headline": r["headline"], "body": r["body"], "source": "bbc.co.uk",
               "published": f"2005-{month:02d}-{day:02d}T08:00:00Z"}
    print(json.dumps(article))
    for c in range(i % 4):
        copy = dict(article, id=f"{r['id']}#copy{c}", source=f"wire{c}.example",
                    published=f"2005-{month:02d}-{day:02d}T1{c}:00:00Z", body=r["body"] + f"\n\nCopy note {c}.")
        print(json.dumps(copy))
