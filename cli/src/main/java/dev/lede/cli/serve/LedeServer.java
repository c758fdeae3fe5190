package dev.lede.cli.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lede.NewsIndex;
import dev.lede.QuerySyntaxException;
import dev.lede.cli.ExitCodes;
import dev.lede.cli.render.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An index served over HTTP: the JSON API under {@code /api/}, {@code /healthz}, and the search page
 * at {@code /}. Every exchange runs on a virtual thread of its own; the index is refreshed on a
 * schedule, so a read-only server sees other processes' commits and a reindex's switch.
 */
public final class LedeServer implements AutoCloseable {
  /** The longest request target (path and query) accepted: longer gets 414. */
  public static final int MAX_TARGET_BYTES = 8 * 1024;
  /** The largest body {@code POST /api/articles} accepts: larger gets 413. */
  public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
  /** How long {@link #close()} lets requests under way finish. */
  private static final int STOP_SECONDS = 2;

  static {
    // A client that sends its request slowly, or reads the answer slowly, must not hold a connection
    // for ever. The JDK server reads these once, when its first instance is made; a value given on
    // the command line (-D) wins.
    defaultProperty("sun.net.httpserver.maxReqTime", "30");
    defaultProperty("sun.net.httpserver.maxRspTime", "60");
    defaultProperty("sun.net.httpserver.maxReqHeaders", "100");
    defaultProperty("sun.net.httpserver.maxReqHeaderSize", String.valueOf(32 * 1024));
    // The JDK server leaves Nagle's algorithm on: an answer written as headers then body waited for
    // the client's delayed ACK, about 25 ms per request on keep-alive connections. Measured on the
    // 60k set, answers from the cache: 860 requests/s, p50 25 ms with it on; 40,358/s, p50 0.36 ms off.
    defaultProperty("sun.net.httpserver.nodelay", "true");
  }

  /**
   * How to serve.
   *
   * @param address where to listen (port 0: any free port)
   * @param token the bearer token that allows writes, or null for a read-only server
   * @param indexName how {@code /api/stats} names the index
   * @param directory the embedded index's directory, or null on Solr
   * @param refresh how often the index is refreshed
   * @param log hears internal errors (a bug), one line each; the server itself never prints
   * @param cacheBytes how many bytes of search answers to keep for repeated searches; 0 for none
   */
  public record Options(InetSocketAddress address, byte[] token, String indexName, Path directory, Duration refresh,
      Consumer<String> log, long cacheBytes) {
    /** The default size of the search answer cache: 32 MiB. */
    public static final long DEFAULT_CACHE_BYTES = 32L << 20;

    /** Options with the default answer cache. */
    public Options(InetSocketAddress address, byte[] token, String indexName, Path directory, Duration refresh, Consumer<String> log) {
      this(address, token, indexName, directory, refresh, log, DEFAULT_CACHE_BYTES);
    }

    public Options {
      if (cacheBytes < 0) {
        throw new IllegalArgumentException("the cache size must not be negative, got " + cacheBytes);
      }
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(indexName, "indexName");
      Objects.requireNonNull(log, "log");
      if (refresh.isNegative() || refresh.isZero()) {
        throw new IllegalArgumentException("illegal refresh interval " + refresh + ", must be positive");
      }
      if (token != null && token.length == 0) {
        throw new IllegalArgumentException("the write token must not be empty");
      }
      token = token == null ? null : token.clone();
    }

    public boolean writes() {
      return token != null;
    }
  }

  private final HttpServer server;
  private final ExecutorService workers;
  private final ScheduledExecutorService refresher;
  /** How long {@link #close()} waits for a model load under way (native code, not interruptible). */
  private static final int MODEL_LOAD_SECONDS = 60;
  private volatile boolean loadingModel;
  private final IndexHolder holder;
  private final Api api;
  private final Writes writes;
  private final Page page;
  private final Consumer<String> log;

  private LedeServer(HttpServer server, IndexHolder holder, Options options) {
    this.server = server;
    this.holder = holder;
    this.api = new Api(holder, options.indexName(), options.directory(), new ResultCache(options.cacheBytes()));
    this.writes = options.writes() ? new Writes(holder, options.indexName(), options.token()) : null;
    this.page = Page.load();
    this.log = options.log();
    this.workers = Executors.newVirtualThreadPerTaskExecutor();
    this.refresher = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("lede-refresh").unstarted(r));
    if (!options.writes()) {
      // A read-only server refreshes on its own thread: the popular searches run on a new commit's
      // view before searches move to it. (A writing server refreshes in the request that wrote, which
      // would wait for the warming.)
      holder.whenOpened(index -> index.setWarmer((version, search) -> api.warm(index, version, search)));
    }
  }

  /**
   * Starts serving. A server that writes opens the index now, so that a locked or damaged index
   * stops it before it listens; a read-only one opens it on the first request that needs it.
   *
   * @param opener opens the index (read-only unless the server writes)
   * @throws dev.lede.IndexUnavailableException when a writing server cannot open its index
   * @throws UncheckedIOException when the address cannot be bound
   */
  public static LedeServer start(Supplier<NewsIndex> opener, Options options) {
    IndexHolder holder = new IndexHolder(opener);
    if (options.writes()) {
      holder.get();
    }
    HttpServer http;
    try {
      http = HttpServer.create(options.address(), 64);
    } catch (IOException e) {
      holder.close();
      throw new UncheckedIOException("cannot listen on " + options.address() + ": " + e.getMessage(), e);
    }
    LedeServer s = new LedeServer(http, holder, options);
    http.createContext("/", s::handle);
    http.setExecutor(s.workers);
    http.start();
    long every = options.refresh().toMillis();
    s.refresher.execute(s::loadModel);
    s.refresher.scheduleWithFixedDelay(s::refresh, every, every, TimeUnit.MILLISECONDS);
    return s;
  }

  /**
   * On an index with semantic search on (where hybrid is the default mode), opens the index and
   * loads the embedding model in the background as soon as the server listens, so that the first
   * search does not wait for them (docs/semantic.md: about 0.6 s of CPU, seconds on a busy machine).
   */
  private void loadModel() {
    loadingModel = true;
    try {
      if (holder.get().semanticModel() != null && dev.lede.vector.Embedders.available()) {
        dev.lede.vector.Embedders.get().embedQuery("load the model");
      }
    } catch (RuntimeException e) {
      // no index yet, or no model: the first request that needs them says why
    } finally {
      loadingModel = false;
    }
  }

  /** The address it serves, as {@code http://HOST:PORT/}. */
  public URI url() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + a.getPort() + "/");
  }

  /** Stops listening, lets requests under way finish (for up to two seconds), then closes the index. */
  @Override
  public void close() {
    refresher.shutdownNow();
    server.stop(STOP_SECONDS);
    workers.shutdownNow();
    try {
      if (!refresher.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS) && loadingModel) {
        // The model loads in native code, which no interrupt stops; a JVM that exits under it
        // crashes inside ONNX Runtime. Loading takes about a second of CPU: let it end.
        refresher.awaitTermination(MODEL_LOAD_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    holder.close();
  }

  private void refresh() {
    try {
      holder.refresh();
    } catch (RuntimeException e) {
      // The next tick tries again; a request meanwhile gets the searcher it had, or the error.
      log.accept("refresh failed: " + e);
    }
  }

  // --- One exchange ---

  private void handle(HttpExchange ex) {
    try (ex) {
      try {
        route(ex);
      } catch (ApiException e) {
        sendError(ex, e.status, e.code, e.getMessage(), e.position, e.status == 405 ? allowed(ex) : null);
      } catch (Writes.RejectedBody e) {
        send(ex, 400, e.body);
      } catch (QuerySyntaxException e) {
        sendError(ex, 400, ExitCodes.USAGE, e.getMessage(), e.position(), null);
      } catch (RuntimeException | Error e) {
        int code = ExitCodes.of(e);
        int status = switch (code) {
          case ExitCodes.USAGE -> 400;
          case ExitCodes.NOTHING_FOUND -> 404;
          case ExitCodes.INDEX_UNAVAILABLE -> 503;
          default -> 500;
        };
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (status == 500) {
          log.accept("internal error on " + ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath() + ": " + e);
          message = "internal error: " + e.getClass().getSimpleName() + " (the server's log has more)";
        }
        sendError(ex, status, code, message, -1, null);
      }
    } catch (IOException e) {
      // the client went away: nothing to answer
    }
  }

  private void route(HttpExchange ex) throws IOException {
    URI uri = ex.getRequestURI();
    String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
    String rawQuery = uri.getRawQuery();
    if (rawPath.length() + (rawQuery == null ? 0 : rawQuery.length() + 1) > MAX_TARGET_BYTES) {
      throw new ApiException(414, ExitCodes.USAGE, "the request target is longer than " + MAX_TARGET_BYTES + " bytes");
    }
    checkPath(rawPath);
    String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
    Page.Asset asset = page.get(rawPath);
    if (asset != null) {
      readOnly(method);
      Params.parse(rawPath.equals("/") ? null : rawQuery, java.util.Set.of()); // the page reads its own query
      sendAsset(ex, asset, method.equals("HEAD"));
      return;
    }
    switch (rawPath) {
      case "/healthz" -> {
        readOnly(method);
        Params.parse(rawQuery, Api.NONE);
        holder.get();
        ObjectNode health = Json.object().put("status", "ok").put("writes", writes != null);
        ResultCache.Stats c = api.cacheStats();
        health.putObject("search_cache").put("hits", c.hits()).put("misses", c.misses()).put("entries", c.entries())
            .put("bytes", c.bytes()).put("max_bytes", c.maxBytes()).put("warmed", c.warmed());
        send(ex, 200, health);
        return;
      }
      case "/api/search" -> {
        readOnly(method);
        sendJson(ex, 200, api.search(Params.parse(rawQuery, Api.SEARCH)));
        return;
      }
      case "/api/entities" -> {
        readOnly(method);
        send(ex, 200, api.entities(Params.parse(rawQuery, Api.ENTITIES)));
        return;
      }
      case "/api/trending" -> {
        readOnly(method);
        send(ex, 200, api.trending(Params.parse(rawQuery, Api.TRENDING)));
        return;
      }
      case "/api/suggest" -> {
        readOnly(method);
        send(ex, 200, api.suggest(Params.parse(rawQuery, Api.SUGGEST)));
        return;
      }
      case "/api/stats" -> {
        readOnly(method);
        Params.parse(rawQuery, Api.NONE);
        send(ex, 200, api.stats());
        return;
      }
      case "/api/articles" -> {
        if (!method.equals("POST")) {
          throw new ApiException(405, ExitCodes.USAGE, "/api/articles takes POST (with --write); GET one article at /api/articles/ID");
        }
        Writes w = writes();
        w.authorize(ex.getRequestHeaders().getFirst("Authorization"));
        Params p = Params.parse(rawQuery, Writes.POST);
        send(ex, 200, w.post(body(ex), p));
        return;
      }
      default -> { }
    }
    String[] parts = rawPath.split("/", -1); // "", "api", endpoint, id
    if (parts.length == 4 && parts[1].equals("api")) {
      String id = segment(parts[3]);
      switch (parts[2]) {
        case "articles" -> {
          if (method.equals("DELETE")) {
            Writes w = writes();
            w.authorize(ex.getRequestHeaders().getFirst("Authorization"));
            Params.parse(rawQuery, Api.NONE);
            send(ex, 200, w.delete(id));
            return;
          }
          readOnly(method);
          Params.parse(rawQuery, Api.NONE);
          send(ex, 200, api.article(id));
          return;
        }
        case "similar" -> {
          readOnly(method);
          send(ex, 200, api.similar(id, Params.parse(rawQuery, Api.SIMILAR)));
          return;
        }
        case "stories" -> {
          readOnly(method);
          Params.parse(rawQuery, Api.NONE);
          send(ex, 200, api.story(id));
          return;
        }
        default -> { }
      }
    }
    throw ApiException.notFound("no such path: " + rawPath + " (the API is under /api/, the page at /)");
  }

  /** The writes, or 405 when the server was started without --write. */
  private Writes writes() {
    if (writes == null) {
      throw new ApiException(405, ExitCodes.USAGE, "this server is read-only: start it with --write (and a token) to write");
    }
    return writes;
  }

  private static void readOnly(String method) {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      throw new ApiException(405, ExitCodes.USAGE, method + " is not allowed here: use GET");
    }
  }

  private String allowed(HttpExchange ex) {
    String path = ex.getRequestURI().getRawPath();
    if ("/api/articles".equals(path)) {
      return writes == null ? "" : "POST";
    }
    if (path != null && path.startsWith("/api/articles/") && writes != null) {
      return "GET, HEAD, DELETE";
    }
    return "GET, HEAD";
  }

  /**
   * Refuses dot segments and backslashes before any routing: {@code /api/../x} and its encoded
   * spellings never reach a handler. The server serves no files, so this is a second fence, not the
   * only one.
   */
  private static void checkPath(String rawPath) {
    if (!rawPath.startsWith("/")) {
      throw ApiException.badRequest("the path must start with /");
    }
    String lower = rawPath.toLowerCase(Locale.ROOT);
    if (lower.contains("\\") || lower.contains("%5c")) {
      throw ApiException.badRequest("the path must not contain a backslash");
    }
    for (String s : lower.split("/", -1)) {
      String decoded = s.replace("%2e", ".");
      if (decoded.equals(".") || decoded.equals("..")) {
        throw ApiException.badRequest("the path must not contain . or .. segments");
      }
    }
  }

  /** An id from one path segment: percent-decoded, with no encoded slash in it. */
  private static String segment(String raw) {
    String lower = raw.toLowerCase(Locale.ROOT);
    if (lower.contains("%2f")) {
      throw ApiException.badRequest("an id in the path must not contain an encoded slash");
    }
    String id;
    try {
      id = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad percent-encoding in the path: " + e.getMessage());
    }
    if (id.isBlank()) {
      throw ApiException.notFound("no id in the path");
    }
    return id;
  }

  /** The request body, up to {@link #MAX_BODY_BYTES}: a longer one is refused before it is all read. */
  private static byte[] body(HttpExchange ex) throws IOException {
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.strip()) > MAX_BODY_BYTES) {
          throw tooLarge();
        }
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("Content-Length is not a number: " + length);
      }
    }
    InputStream in = ex.getRequestBody();
    byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
    if (bytes.length > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    return bytes;
  }

  private static ApiException tooLarge() {
    return new ApiException(413, ExitCodes.USAGE, "the body is larger than " + MAX_BODY_BYTES / (1024 * 1024)
        + " MiB: send the articles in several requests");
  }

  private static void sendError(HttpExchange ex, int status, int code, String message, int position, String allow)
      throws IOException {
    ObjectNode o = Json.object().put("error", message).put("code", code);
    if (position >= 0) {
      o.put("position", position);
    }
    if (allow != null) {
      ex.getResponseHeaders().set("Allow", allow);
    }
    if (status == 401) {
      ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
    }
    send(ex, status, o);
  }

  /** A JSON body as sent: compact, one line. */
  static byte[] bytes(ObjectNode body) {
    return (Json.compact(body) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange ex, int status, ObjectNode body) throws IOException {
    sendJson(ex, status, bytes(body));
  }

  private static void sendJson(HttpExchange ex, int status, byte[] bytes) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    boolean head = ex.getRequestMethod().equalsIgnoreCase("HEAD");
    if (status == 413) {
      ex.getResponseHeaders().set("Connection", "close"); // the rest of the body will not be read
    }
    ex.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      // Closing the body sends the answer now: closing the exchange would first drain a request body
      // left unread (a refused one), and the client would wait for the answer meanwhile.
      try (var out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static void sendAsset(HttpExchange ex, Page.Asset asset, boolean head) throws IOException {
    var h = ex.getResponseHeaders();
    h.set("Content-Type", asset.type());
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "no-referrer");
    // The page's script and style come from this server only; no inline code, no other origin.
    h.set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'");
    h.set("Cache-Control", "no-cache");
    ex.sendResponseHeaders(200, head ? -1 : asset.bytes().length);
    if (!head) {
      ex.getResponseBody().write(asset.bytes());
    }
  }

  private static void defaultProperty(String name, String value) {
    if (System.getProperty(name) == null) {
      System.setProperty(name, value);
    }
  }
}
