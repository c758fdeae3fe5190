package dev.lede.cli.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The search page: three files read from the jar once, at start-up, and served from memory. A fixed
 * map from path to file is the whole of it: no path reaches the file system or the class path.
 */
final class Page {
  /** A file of the page: its bytes and media type. */
  record Asset(byte[] bytes, String type) {}

  private final Map<String, Asset> assets;

  private Page(Map<String, Asset> assets) {
    this.assets = assets;
  }

  static Page load() {
    return new Page(Map.of(
        "/", asset("index.html", "text/html; charset=utf-8"),
        "/lede.css", asset("lede.css", "text/css; charset=utf-8"),
        "/lede.js", asset("lede.js", "text/javascript; charset=utf-8")));
  }

  /** The file at {@code path}, or null: only the page's own paths. */
  Asset get(String path) {
    return assets.get(path);
  }

  private static Asset asset(String name, String type) {
    try (InputStream in = Page.class.getResourceAsStream("page/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks the page's " + name);
      }
      return new Asset(in.readAllBytes(), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
