package dev.lede;

import dev.lede.index.Generations;
import dev.lede.index.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Runs Lucene's {@link CheckIndex} over a Lede index and says what it found in Lede's words; drops
 * damaged segments on request. Both take the index's write lock, so neither runs beside a writer
 * (whose merges would delete files under the checker).
 */
final class IndexChecker {
  private IndexChecker() {}

  /** The directory of the live generation (the directory itself for a flat index). */
  private static Path live(Path dir) {
    Backup.refuseIncomplete(dir);
    Path live = java.nio.file.Files.isDirectory(dir) ? Generations.resolve(dir).liveDir() : dir;
    IndexFailures.checkBeforeOpen(live, false);
    return live;
  }

  static IndexCheck check(Path dir) {
    try (Directory directory = FSDirectory.open(live(dir)); CheckIndex checker = new CheckIndex(directory)) {
      return describe(dir, run(dir, checker));
    } catch (IOException e) {
      throw IndexFailures.opening(dir, e);
    }
  }

  static IndexCheck repair(Path dir, IndexCheck confirmed) {
    try (Directory directory = FSDirectory.open(live(dir)); CheckIndex checker = new CheckIndex(directory)) {
      CheckIndex.Status status = run(dir, checker);
      IndexCheck now = describe(dir, status);
      if (!names(now.damaged()).equals(names(confirmed.damaged())) || !now.commit().equals(confirmed.commit())) {
        throw new LedeException("index " + dir + " changed since it was checked (damaged segments now " + names(now.damaged())
            + ", confirmed " + names(confirmed.damaged()) + "): nothing dropped; check it again");
      }
      if (!now.repairable()) {
        throw new LedeException("index " + dir + " cannot be repaired by dropping segments: " + String.join("; ", now.problems()));
      }
      checker.exorciseIndex(status);
    } catch (IOException e) {
      throw IndexFailures.opening(dir, e);
    }
    return check(dir);
  }

  private static CheckIndex.Status run(Path dir, CheckIndex checker) throws IOException {
    checker.setLevel(CheckIndex.Level.MIN_LEVEL_FOR_INTEGRITY_CHECKS);
    checker.setThreadCount(1); // a check is not a reason to take every core from searches
    CheckIndex.Status status = checker.checkIndex();
    if (status.missingSegments) {
      throw new IndexUnavailableException(IndexUnavailableException.Reason.CORRUPT, dir,
          "index " + dir + " has no readable commit: its segments_N file or a segment's .si file is damaged or missing; "
              + "nothing can be checked or repaired: restore a copy, or index the source files into a new directory");
    }
    return status;
  }

  private static IndexCheck describe(Path dir, CheckIndex.Status status) {
    List<IndexCheck.Segment> segments = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (CheckIndex.Status.SegmentInfoStatus s : status.segmentInfos) {
      long live = s.error == null && s.liveDocStatus != null ? s.maxDoc - s.liveDocStatus.numDeleted : s.toLoseDocCount;
      String problem = s.error == null ? null : IndexFailures.describe(dir, s.error);
      long bytes = Math.round(s.sizeMB * 1024 * 1024);
      segments.add(new IndexCheck.Segment(s.name, Math.max(0, live), Math.max(0, s.maxDoc - live), bytes, problem));
      if (problem != null) {
        problems.add(String.format(Locale.ROOT, "segment %s (%d articles) is damaged: %s", s.name, live, problem));
      }
    }
    Map<String, String> data = status.userData == null ? Map.of() : status.userData;
    String version = data.get("lede.schema");
    int schemaVersion = -1;
    if (version == null) {
      problems.add("the commit was not written by Lede (no schema version in its commit data)");
    } else {
      try {
        schemaVersion = Integer.parseInt(version);
      } catch (NumberFormatException e) {
        problems.add("the commit's schema version is not a number: '" + version + "'");
      }
      if (schemaVersion >= 0 && schemaVersion != Schema.VERSION) {
        problems.add("the index has Lede schema v" + schemaVersion + ", this Lede uses v" + Schema.VERSION + ": run `lede reindex`");
      }
    }
    if (status.toolOutOfDate) {
      problems.add("the index was written by a newer Lucene than this Lede's checker knows");
    }
    return new IndexCheck(dir, status.segmentsFileName, schemaVersion, segments, problems);
  }

  private static List<String> names(List<IndexCheck.Segment> segments) {
    return segments.stream().map(IndexCheck.Segment::name).sorted().toList();
  }
}
