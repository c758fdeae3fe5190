package dev.lede.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.article.Article;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutations of every fixture (truncation, random bytes, invalid UTF-8, huge lines, deep JSON
 * nesting, gzip and gzip bombs) through {@link ArticleInputs}: each run ends with articles read or
 * rejections naming the file, never an exception, a hang or an article larger than the record
 * limit. CI runs {@value #DEFAULT_CASES} cases; {@code -Dlede.fuzz.cases=100000} runs the full form,
 * {@code -Dlede.seed=N} other inputs.
 */
class ReaderFuzzTest {
  static final int DEFAULT_CASES = 2_000;
  static final int CASES = Integer.getInteger("lede.fuzz.cases", DEFAULT_CASES);
  static final long SEED = Long.getLong("lede.seed", 8_2025L);
  /** Small limits, so that "huge" inputs cross them in a test that takes seconds. */
  static final ReadLimits LIMITS = new ReadLimits(4096, 256 * 1024);
  /** Guards against a hang; not a timing assertion. */
  static final Duration HANG = Duration.ofSeconds(20);

  @Test
  void mutatedFixturesEndInArticlesOrRejectionsNeverInAnException(@TempDir Path dir) throws IOException {
    List<Path> fixtures;
    Path root = Collected.fixture("");
    try (Stream<Path> walk = Files.walk(root)) {
      fixtures = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    }
    Random random = new Random(SEED);
    Map<String, Integer> casesPerReader = new TreeMap<>();
    long articles = 0;
    long rejections = 0;
    for (int i = 0; i < CASES; i++) {
      Path fixture = fixtures.get(i % fixtures.size());
      byte[] original = Files.readAllBytes(fixture);
      Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
      byte[] bytes = mutation.apply(original, random);
      String name = fixture.getFileName().toString();
      boolean gzipped = mutation == Mutation.GZIP_BOMB || random.nextInt(8) == 0;
      Path file = dir.resolve(i + "-" + name + (gzipped ? ".gz" : ""));
      Files.write(file, gzipped && mutation != Mutation.GZIP_BOMB ? gzip(bytes) : bytes);
      String what = "seed " + SEED + " case " + i + ": " + mutation + " of " + root.relativize(fixture) + (gzipped ? " (gzipped)" : "");

      Collected c = assertTimeoutPreemptively(HANG, () -> {
        Collected out = new Collected();
        out.report = ArticleInputs.read(List.of(file), InputFormat.AUTO, LIMITS, out);
        return out;
      }, what);
      for (Rejection r : c.rejections) {
        assertEquals(file.toString(), r.file(), what + ": a rejection names its file");
        assertFalse(r.reason().isBlank(), what + ": a rejection says why");
        assertFalse(r.reason().contains("\n"), what + ": one line: " + r.reason());
      }
      for (Article a : c.articles) {
        long chars = a.headline().length() + a.lead().length() + a.body().length();
        assertTrue(chars <= LIMITS.maxRecordBytes(), what + ": an article of " + chars + " chars passed a " + LIMITS.maxRecordBytes() + "-byte limit");
      }
      Files.delete(file);
      casesPerReader.merge(root.relativize(fixture).getName(0).toString(), 1, Integer::sum);
      articles += c.articles.size();
      rejections += c.rejections.size();
    }
    assertEquals(CASES, casesPerReader.values().stream().mapToInt(Integer::intValue).sum());
    assertTrue(articles > 0 && rejections > 0, "mutations should leave some articles and reject some records");
    System.out.println("reader fuzz, seed " + SEED + ": " + CASES + " cases " + casesPerReader + ", " + articles + " articles, "
        + rejections + " rejections");
  }

  @Test
  void deepJsonNestingIsARejectionOfThatRecordOnly(@TempDir Path dir) throws IOException {
    String deep = "[".repeat(100_000);
    Path file = dir.resolve("deep.jsonl");
    Files.writeString(file, "{\"id\":\"a\",\"headline\":\"Before\"}\n{\"id\":\"b\",\"headline\":" + deep + "\n{\"id\":\"c\",\"headline\":\"After\"}\n");
    Collected c = assertTimeoutPreemptively(HANG, () -> Collected.read(new ReadLimits(1 << 20, 1 << 20), file));
    assertEquals(List.of("a", "c"), c.ids());
    assertEquals(1, c.rejections.size());
    assertEquals(2, c.rejections.get(0).record());
    assertTrue(c.rejections.get(0).reason().contains("nesting depth"), c.rejections.get(0).reason());
  }

  @Test
  void gzipBombStopsAtTheDecompressedLimitKeepingTheRecordsBefore(@TempDir Path dir) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    raw.writeBytes("{\"id\":\"first\",\"headline\":\"Kept\"}\n".getBytes(StandardCharsets.UTF_8));
    Path file = dir.resolve("bomb.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(raw.toByteArray());
      byte[] zeros = new byte[1 << 20];
      Arrays.fill(zeros, (byte) ' ');
      for (int i = 0; i < 64; i++) { // 64 MiB of blanks in about 64 KiB
        out.write(zeros);
      }
    }
    Collected c = assertTimeoutPreemptively(HANG, () -> Collected.read(new ReadLimits(4096, 1 << 20), file));
    assertEquals(List.of("first"), c.ids());
    assertEquals(1, c.rejections.size(), c.rejections.toString());
    assertTrue(c.rejections.get(0).reason().contains("1 MiB"), c.rejections.get(0).reason());
  }

  /** The ways a fixture is broken. */
  enum Mutation {
    TRUNCATE {
      @Override
      byte[] apply(byte[] b, Random r) {
        return Arrays.copyOf(b, b.length == 0 ? 0 : r.nextInt(b.length));
      }
    },
    RANDOM_EDITS {
      @Override
      byte[] apply(byte[] b, Random r) {
        return RandomInputTest.mutate(b, r);
      }
    },
    INVALID_UTF8 {
      @Override
      byte[] apply(byte[] b, Random r) {
        byte[][] bad = {{(byte) 0xff}, {(byte) 0xc3, 0x28}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xf8, (byte) 0x88, (byte) 0x80}, {(byte) 0xe2, (byte) 0x82}};
        return insert(b, r.nextInt(b.length + 1), bad[r.nextInt(bad.length)]);
      }
    },
    HUGE_LINE {
      @Override
      byte[] apply(byte[] b, Random r) {
        byte[] run = new byte[LIMITS.maxRecordBytes() + 1 + r.nextInt(3 * LIMITS.maxRecordBytes())];
        Arrays.fill(run, (byte) "a\"{[ ".charAt(r.nextInt(5)));
        return insert(b, r.nextInt(b.length + 1), run);
      }
    },
    DEEP_NESTING {
      @Override
      byte[] apply(byte[] b, Random r) {
        String open = r.nextBoolean() ? "[" : "{\"a\":";
        return insert(b, r.nextInt(b.length + 1), open.repeat(200 + r.nextInt(2000)).getBytes(StandardCharsets.UTF_8));
      }
    },
    GZIP_BOMB {
      @Override
      byte[] apply(byte[] b, Random r) {
        try {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
            byte[] blanks = new byte[64 * 1024];
            Arrays.fill(blanks, (byte) (r.nextBoolean() ? ' ' : 'x'));
            for (int i = 0; i < 8; i++) { // 512 KiB inflated, over the 256 KiB limit
              gz.write(blanks);
            }
          }
          return out.toByteArray();
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
    };

    abstract byte[] apply(byte[] b, Random r);

    static byte[] insert(byte[] b, int at, byte[] what) {
      byte[] out = new byte[b.length + what.length];
      System.arraycopy(b, 0, out, 0, at);
      System.arraycopy(what, 0, out, at, what.length);
      System.arraycopy(b, at, out, at + what.length, b.length - at);
      return out;
    }
  }

  static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(b);
    }
    return out.toByteArray();
  }
}
