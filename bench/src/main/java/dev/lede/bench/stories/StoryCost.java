package dev.lede.bench.stories;

import dev.lede.IndexOptions;
import dev.lede.NewsIndex;
import dev.lede.bench.stories.LabelledSet.Item;
import dev.lede.prepare.story.InMemoryStoryStore;
import dev.lede.prepare.story.StoryIndex;
import dev.lede.prepare.story.StoryOptions;
import dev.lede.search.NewsQuery;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What stories cost: ingest into an in-memory index (grouping and boilerplate included) against
 * the grouping work alone, and search latency with and without collapsing.
 *
 * <pre>
 * java -cp ... dev.lede.bench.stories.StoryCost [--corpora ../shared/corpora] [--n 2000]
 * </pre>
 */
public final class StoryCost {
  private StoryCost() {}

  public static void main(String[] args) throws Exception {
    Path corpora = Path.of("../shared/corpora");
    int n = 2000;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--corpora" -> corpora = Path.of(args[i + 1]);
        case "--n" -> n = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option: " + args[i]);
      }
    }
    PrintStream out = System.out;
    if (!Files.isRegularFile(corpora.resolve("bbc/bbc.jsonl.gz"))) {
      out.println("skipped: no " + corpora.resolve("bbc/bbc.jsonl.gz"));
      return;
    }
    List<Item> items = LabelledSet.generate(
        LabelledSet.distinctStories(LabelledSet.dedupe(LabelledSet.readBbc(corpora)), 0.3), n, 1);

    long groupingOnly = Long.MAX_VALUE;
    for (int run = 0; run < 3; run++) {
      long start = System.nanoTime();
      StoryIndex stories = new StoryIndex(new InMemoryStoryStore(), StoryOptions.defaults());
      for (Item item : items) {
        stories.add(item.article());
      }
      groupingOnly = Math.min(groupingOnly, System.nanoTime() - start);
    }
    // Ingest with grouping on and off, alternating so that drift in the machine's load hits both alike.
    long[][] ingest = new long[2][3];
    NewsIndex kept = null;
    for (int run = 0; run < 3; run++) {
      for (int grouping = 1; grouping >= 0; grouping--) {
        IndexOptions options = IndexOptions.defaults().withStories(StoryOptions.defaults().withGrouping(grouping == 1));
        NewsIndex index = NewsIndex.inMemory(options);
        long start = System.nanoTime();
        for (Item item : items) {
          index.upsert(item.article());
        }
        index.commit();
        ingest[grouping][run] = System.nanoTime() - start;
        if (grouping == 1 && kept == null) {
          kept = index;
        } else {
          index.close();
        }
      }
    }
    long with = median(ingest[1]);
    long without = median(ingest[0]);
    out.printf(Locale.ROOT, "%d articles, median of 3: ingest with grouping %.0f articles/s (%.0f us/article), without %.0f"
            + " articles/s (%.0f us/article), ratio %.2f; grouping alone (in-memory store) %.0f us/article%n",
        items.size(), items.size() / (with / 1e9), with / 1e3 / items.size(), items.size() / (without / 1e9),
        without / 1e3 / items.size(), (double) without / with, groupingOnly / 1e3 / items.size());

    List<String> queries = new ArrayList<>();
    for (int i = 0; i < items.size() && queries.size() < 300; i += 17) {
      String[] words = items.get(i).article().headline().split("\\s+");
      queries.add(String.join(" ", Arrays.copyOfRange(words, 0, Math.min(2, words.length))));
    }
    for (boolean collapse : new boolean[] {false, true, false, true}) {
      long[] times = new long[queries.size()];
      for (int q = 0; q < queries.size(); q++) {
        long start = System.nanoTime();
        kept.search(NewsQuery.builder(queries.get(q)).collapse(collapse).limit(10).build());
        times[q] = System.nanoTime() - start;
      }
      Arrays.sort(times);
      out.printf(Locale.ROOT, "search collapse=%s: %d queries, median %.2f ms, p90 %.2f ms%n", collapse, times.length,
          times[times.length / 2] / 1e6, times[times.length * 9 / 10] / 1e6);
    }
    kept.close();
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
