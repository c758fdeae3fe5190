package dev.lede.prepare.boilerplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps a {@link BoilerplateModel} next to the index as {@code boilerplate.json}.
 *
 * <p>A small JSON file, not Lucene documents of their own kind: the counts change with nearly every
 * article, and as documents they would be rewritten on every upsert and have to be kept out of
 * every search, count and facet. They are statistics, not content: written at each commit through
 * a temporary file and an atomic rename (a reader sees the old file or the new one, never half of
 * one), and if a crash loses the counts since the last commit, the next articles of the source
 * make them up; a reindex rebuilds them exactly.
 */
public final class BoilerplateFile {
  /** The file name inside the index directory. */
  public static final String NAME = "boilerplate.json";

  private static final int FORMAT = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private BoilerplateFile() {}

  /** Writes the model's counts atomically into {@code directory}. */
  public static void write(Path directory, BoilerplateModel model) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    ObjectNode sources = root.putObject("sources");
    model.snapshot().forEach((source, counts) -> {
      ObjectNode s = sources.putObject(source);
      s.put("articles", counts.articles);
      ArrayNode lines = s.putArray("lines");
      counts.lines.forEach((key, c) -> {
        ArrayNode line = lines.addArray();
        line.add(Long.toHexString(key)).add(c.count);
        if (c.text != null) {
          line.add(c.text);
        }
      });
    });
    Path target = directory.resolve(NAME);
    Path temp = directory.resolve(NAME + ".tmp");
    try {
      JSON.writeValue(temp.toFile(), root);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads the counts in {@code directory} into the model; leaves it empty when there is no file.
   *
   * @throws UncheckedIOException naming the file when it cannot be read or is not a boilerplate file
   */
  public static void read(Path directory, BoilerplateModel model) {
    Path file = directory.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      model.reset();
      return;
    }
    try {
      JsonNode root = JSON.readTree(file.toFile());
      if (root == null || root.path("format").asInt() != FORMAT || !root.path("sources").isObject()) {
        throw new IOException("not a boilerplate file of format " + FORMAT);
      }
      Map<String, BoilerplateModel.SourceCounts> counts = new HashMap<>();
      for (var it = root.get("sources").properties().iterator(); it.hasNext(); ) {
        var source = it.next();
        BoilerplateModel.SourceCounts c = new BoilerplateModel.SourceCounts();
        c.articles = source.getValue().path("articles").asInt();
        for (JsonNode line : source.getValue().path("lines")) {
          long key = Long.parseUnsignedLong(line.get(0).asText(), 16);
          String text = line.size() > 2 ? line.get(2).asText() : null;
          c.lines.put(key, new BoilerplateModel.Counted(text, line.get(1).asInt()));
        }
        counts.put(source.getKey(), c);
      }
      model.restore(counts);
    } catch (IOException | RuntimeException e) {
      throw new UncheckedIOException(new IOException("cannot read " + file + ": " + e.getMessage(), e));
    }
  }

  /** Removes the file, when there is one. */
  public static void delete(Path directory) {
    try {
      Files.deleteIfExists(directory.resolve(NAME));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory.resolve(NAME) + ": " + e.getMessage(), e);
    }
  }
}
