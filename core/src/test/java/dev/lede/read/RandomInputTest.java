package dev.lede.read;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.article.Article;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random and broken bytes through every reader: nothing escapes {@link ArticleInputs} but articles
 * and rejections, and a broken line never costs the lines around it. Seeded, so a failure repeats;
 * set {@code -Dlede.seed=N} to explore other inputs.
 */
class RandomInputTest {
  private static final long SEED = Long.getLong("lede.seed", 20261125L);
  private static final String[] NAMES = {"r.txt", "r.json", "r.jsonl", "r.ndjson", "r.gz", "r"};

  @Test
  void randomBytesNeverThrow(@TempDir Path dir) throws IOException {
    Random random = new Random(SEED);
    for (int i = 0; i < 200; i++) {
      byte[] data = randomBytes(random);
      String name = NAMES[random.nextInt(NAMES.length)];
      Path file = dir.resolve(i + "-" + name);
      if (name.endsWith(".gz") && random.nextBoolean()) {
        gzip(data, file);
      } else {
        Files.write(file, data);
      }
      String what = "seed " + SEED + " input " + i + " (" + name + ")";
      assertDoesNotThrow(() -> Collected.read(new ReadLimits(2048, 1 << 20), file), what);
      InputFormat format = InputFormat.values()[random.nextInt(InputFormat.values().length)];
      assertDoesNotThrow(() -> Collected.read(new ByteArrayInputStream(data), "-", format), what + " as " + format);
    }
  }

  @Test
  void mutatedFixturesNeverThrow(@TempDir Path dir) throws IOException {
    Random random = new Random(SEED);
    List<Path> fixtures;
    try (Stream<Path> walk = Files.walk(Collected.fixture(""))) {
      fixtures = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    }
    int n = 0;
    for (Path fixture : fixtures) {
      byte[] original = Files.readAllBytes(fixture);
      for (int i = 0; i < 8; i++) {
        byte[] mutated = mutate(original, random);
        Path file = dir.resolve(n++ + "-" + fixture.getFileName());
        Files.write(file, mutated);
        Collected c = assertDoesNotThrow(() -> Collected.read(file), "seed " + SEED + " mutation " + i + " of " + fixture);
        for (Rejection r : c.rejections) {
          assertTrue(r.file().equals(file.toString()), "a rejection names its file: " + r);
        }
      }
    }
  }

  // One broken line in the middle of a JSON Lines file loses that line only.
  @Test
  void aBrokenLineCostsOnlyItself(@TempDir Path dir) throws IOException {
    Random random = new Random(SEED);
    for (int round = 0; round < 100; round++) {
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        lines.add("{\"id\": \"k" + i + "\", \"title\": \"Line " + i + " of round " + round + "\", \"published\": \"2024-01-0" + (i % 9 + 1) + "\"}");
      }
      int broken = random.nextInt(lines.size());
      byte[] bad = mutate(lines.get(broken).getBytes(StandardCharsets.UTF_8), random);
      StringBuilder file = new StringBuilder();
      byte[] before;
      byte[] after;
      for (int i = 0; i < broken; i++) {
        file.append(lines.get(i)).append('\n');
      }
      before = file.toString().getBytes(StandardCharsets.UTF_8);
      file.setLength(0);
      for (int i = broken + 1; i < lines.size(); i++) {
        file.append(lines.get(i)).append('\n');
      }
      after = file.toString().getBytes(StandardCharsets.UTF_8);
      byte[] cleanBad = withoutLineEnds(bad);
      byte[] all = concat(before, cleanBad, new byte[] {'\n'}, after);
      Path path = dir.resolve(round + ".jsonl");
      Files.write(path, all);

      Collected c = Collected.read(path);
      List<String> ids = c.ids();
      for (int i = 0; i < lines.size(); i++) {
        if (i != broken) {
          assertTrue(ids.contains("k" + i), "round " + round + ": line " + (i + 1) + " lost after breaking line " + (broken + 1) + ": " + c.rejections);
        }
      }
      assertTrue(c.articles.size() + c.rejections.size() >= lines.size() - 1, "round " + round);
      for (Rejection r : c.rejections) {
        assertEquals(broken + 1, r.record(), "round " + round + ": only the broken line is rejected: " + r);
      }
      for (Article a : c.articles) {
        assertTrue(!a.headline().isEmpty() || !a.body().isEmpty() || !a.lead().isEmpty());
      }
    }
  }

  private static byte[] randomBytes(Random random) {
    int length = random.nextInt(5) == 0 ? random.nextInt(16) : random.nextInt(6000);
    byte[] data = new byte[length];
    if (random.nextBoolean()) {
      random.nextBytes(data);
    } else {
      // Mostly JSON-ish text, which gets further into the parsers than noise does.
      String alphabet = "{}[]\":,\n \\tnulltruefalse0123456789abc\u00e9\u2019";
      StringBuilder s = new StringBuilder();
      while (s.length() < length) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      data = s.toString().getBytes(StandardCharsets.UTF_8);
    }
    return data;
  }

  static byte[] mutate(byte[] original, Random random) {
    byte[] b = original.clone();
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits; e++) {
      if (b.length == 0) {
        return new byte[] {(byte) random.nextInt(256)};
      }
      int at = random.nextInt(b.length);
      switch (random.nextInt(5)) {
        case 0 -> b[at] = (byte) random.nextInt(256); // flip a byte
        case 1 -> b = Arrays.copyOf(b, at); // truncate
        case 2 -> b = concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, Math.min(b.length, at + 1 + random.nextInt(8)), b.length)); // delete
        case 3 -> {
          byte[] insert = new byte[1 + random.nextInt(8)];
          random.nextBytes(insert);
          b = concat(Arrays.copyOf(b, at), insert, Arrays.copyOfRange(b, at, b.length));
        }
        default -> b = concat(Arrays.copyOf(b, at), "\"}]{".getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(b, at, b.length));
      }
    }
    return b;
  }

  private static byte[] withoutLineEnds(byte[] b) {
    byte[] out = b.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] == '\n' || out[i] == '\r') {
        out[i] = ' ';
      }
    }
    return out;
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  private static void gzip(byte[] data, Path target) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
      out.write(data);
    }
  }
}
