#!/usr/bin/env python3
"""Where `lede index` spends its CPU, by write-path stage, from a JFR recording.

Record, from the repository root (JDK 21+; the file is any news-please JSON Lines file):
  java -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED \
       -XX:FlightRecorderOptions=stackdepth=256 -XX:StartFlightRecording=filename=ingest.jfr,settings=profile \
       -jar cli/target/lede-cli.jar --index /tmp/idx index news.jsonl --format newsplease
Then:  python3 bench/scripts/ingest-stages.py ingest.jfr   (runs `jfr print` from the same JDK)

Each execution sample (one per 10 ms of a running Java thread) is put in the first stage whose
marker appears in its stack; Lucene's merge threads count as "refresh, commit, flush, merges".
"""
import collections, os, re, subprocess, sys

STAGES = [
    ("read (JSON lines or stored originals to Article)", ["dev.lede.read.", "StoredOriginals", "Reindex.lambda$storedOriginals"]),
    ("story signature (MinHash)", ["StorySigner.sign"]),
    ("entities", ["EntityStep.apply", "EntityPreparer.prepare"]),
    ("prepare: clean, fingerprint, line keys", ["Preparer.prepare", "BoilerplateModel.lines", "PreparedArticle.of"]),
    ("story candidates and assignment", ["StoryIndex.add", "StoryIndex.remove", "LuceneWrites.keep"]),
    ("boilerplate learn/strip", ["BoilerplateModel"]),
    ("unchanged check and stored-article lookups", ["fingerprintOf", "storedArticle", "previousVersion"]),
    ("build document", ["Schema.toDocument", "LuceneStoryStore.addFields"]),
    ("Lucene: analyse and invert (updateDocument)", ["IndexWriter.updateDocument"]),
    ("refresh, commit, flush, merges", ["refresh", "commit", "Merge", "IndexWriter.getReader", "stripLearned", "DocumentsWriter"]),
]

def main(path):
    home = os.environ.get("JAVA_HOME")
    tool = os.path.join(home, "bin", "jfr") if home else "jfr"
    text = subprocess.run([tool, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "256", path],
                          capture_output=True, text=True, check=True).stdout
    counts, total = collections.Counter(), 0
    for event in text.split("jdk.ExecutionSample"):
        frames = re.findall(r"^\s+([\w.$<>]+)\(.*?line:", event, re.M)
        if not frames:
            continue
        thread = re.search(r'sampledThread = "([^"]+)"', event)
        thread = thread.group(1) if thread else ""
        if thread.startswith(("JFR", "C1", "C2")):
            continue
        total += 1
        stack = " ".join(frames)
        if "Merge Thread" in thread:
            counts["refresh, commit, flush, merges"] += 1
            continue
        for name, markers in STAGES:
            if any(m in stack for m in markers):
                counts[name] += 1
                break
        else:
            counts["other"] += 1
    print(f"{total} samples (about {total / 100:.1f} CPU-s)")
    print("| stage | samples | share |\n| --- | ---: | ---: |")
    for name, _ in STAGES + [("other", [])]:
        print(f"| {name} | {counts[name]} | {100 * counts[name] / max(total, 1):.0f}% |")

if __name__ == "__main__":
    main(sys.argv[1])
