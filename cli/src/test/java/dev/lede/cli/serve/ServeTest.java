package dev.lede.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.IndexOptions;
import dev.lede.NewsIndex;
import dev.lede.cli.LedeCli;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lede serve} in-process: every endpoint over real HTTP (port 0), its status and error shape,
 * and the promise that the API's bodies are the CLI's {@code --format json} objects (issue 19).
 */
class ServeTest {
  static final Path CORPUS = Path.of("..", "sample-corpus");
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @TempDir static Path shared;
  static Path index;
  static LedeServer server;
  static URI base;
  static List<String> logged = new ArrayList<>();

  record Run(int code, String out, String err) {}

  record Answer(int status, JsonNode json, String body, HttpResponse<String> response) {}

  static Run cli(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> env = new HashMap<>();
    int code = LedeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), env,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static Run lede(String... args) {
    List<String> full = new ArrayList<>(List.of("--index", index.toString()));
    full.addAll(List.of(args));
    return cli("", full.toArray(String[]::new));
  }

  static LedeServer start(Path dir, byte[] token) {
    IndexOptions options = IndexOptions.defaults().withReadOnly(token == null);
    return LedeServer.start(() -> token == null ? NewsIndex.openExisting(dir, options) : NewsIndex.open(dir),
        new LedeServer.Options(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), token, dir.toString(), dir,
            Duration.ofMillis(200), line -> {
              synchronized (logged) {
                logged.add(line);
              }
            }));
  }

  @BeforeAll
  static void serveTheSampleCorpus() {
    index = shared.resolve("idx");
    Run indexed = lede("index", CORPUS.toString(), "--threads", "2");
    assertEquals(4, indexed.code(), indexed.err()); // the corpus's deliberate rejects
    server = start(index, null);
    base = server.url();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Answer send(URI base, String method, String target, String body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + target))
        .timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      b.headers(headers);
    }
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = null;
      if (r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
        json = JSON.readTree(r.body());
      }
      return new Answer(r.statusCode(), json, r.body(), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Answer get(String target) {
    return send(base, "GET", target, null);
  }

  static JsonNode tree(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An error body is exactly {error, code} (and position for syntax): never a stack trace. */
  static void assertError(Answer a, int status, int code, String containing) {
    assertEquals(status, a.status(), a.body());
    Set<String> fields = new TreeSet<>();
    a.json().fieldNames().forEachRemaining(fields::add);
    fields.remove("position");
    assertEquals(Set.of("code", "error"), fields, a.body());
    assertEquals(code, a.json().get("code").asInt(), a.body());
    assertTrue(a.json().get("error").asText().contains(containing), a.body());
    assertFalse(a.body().contains("\tat "), a.body());
  }

  // --- One contract: the API's bodies are the CLI's JSON ---

  @Test
  void searchBodyEqualsTheCliJsonForTheSameQuery() {
    assertSame(lede("search", "rail", "strike", "--facets", "--format", "json"), get("/api/search?q=rail+strike&facets=true"));
    assertSame(lede("search", "korea", "--source", "bbc.co.uk,reuters.com", "--sort", "newest", "--limit", "3", "--format", "json"),
        get("/api/search?q=korea&source=bbc.co.uk&source=reuters.com&sort=newest&limit=3"));
    assertSame(lede("search", "heatwave", "--recent", "365", "--all-copies", "--since", "2024", "--until", "2026-01", "--format", "json"),
        get("/api/search?q=heatwave&recent=365&all_copies&since=2024&until=2026-01"));
    assertSame(lede("search", "entity:\"Kim Jong Un\"", "--format", "json"), get("/api/search?q=entity%3A%22Kim+Jong+Un%22"));
    assertSame(lede("search", "headline:rail AND strike", "--syntax", "lucene", "--format", "json"),
        get("/api/search?q=headline%3Arail+AND+strike&syntax=lucene"));
    // nothing found: the CLI exits 1, the API answers 200 with the same object, note included
    Run none = lede("search", "rail", "--source", "nowhere.example", "--format", "json");
    assertEquals(1, none.code());
    Answer a = get("/api/search?q=rail&source=nowhere.example");
    assertSame(none, a);
    assertTrue(a.json().get("note").asText().contains("nowhere.example"), a.body());
  }

  @Test
  void theCursorPagesTheSameWayAsTheCli() {
    Answer first = get("/api/search?q=korea&limit=2");
    String next = first.json().get("next").asText();
    assertSame(lede("search", "korea", "--limit", "2", "--after", next, "--format", "json"),
        get("/api/search?q=korea&limit=2&after=" + next));
  }

  @Test
  void everyReadEndpointAnswersWithItsCommandsJson() {
    assertSame(lede("show", "rail-3", "--format", "json"), get("/api/articles/rail-3"));
    assertSame(lede("similar", "rail-3", "--limit", "3", "--format", "json"), get("/api/similar/rail-3?limit=3"));
    assertSame(lede("story", "sudan-wire-a", "--format", "json"), get("/api/stories/sudan-wire-a"));
    assertSame(lede("entities", "korea", "--limit", "5", "--format", "json"), get("/api/entities?q=korea&limit=5"));
    assertSame(lede("trending", "--as-of", "2025-06-30", "--window", "30", "--format", "json"),
        get("/api/trending?as_of=2025-06-30&window=30"));
    assertSame(lede("stats", "--format", "json"), get("/api/stats"));
    assertSame(lede("suggest", "kim", "--limit", "4", "--format", "json"), get("/api/suggest?prefix=kim&limit=4"));
  }

  static void assertSame(Run cli, Answer api) {
    assertEquals(200, api.status(), api.body());
    assertTrue(cli.code() <= 1, cli.err());
    assertEquals(tree(cli.out()), api.json(), "the API body differs from the CLI's --format json");
  }

  @Test
  void healthzSaysOk() {
    Answer a = get("/healthz");
    assertEquals(200, a.status());
    assertEquals("ok", a.json().get("status").asText());
    assertFalse(a.json().get("writes").asBoolean());
  }

  @Test
  void headAnswersWithoutABody() {
    Answer a = send(base, "HEAD", "/api/stats", null);
    assertEquals(200, a.status());
    assertEquals("", a.body());
  }

  // --- Bad input: a clear 4xx, the CLI's exit code in the body ---

  @Test
  void unknownParametersAreRefusedByName() {
    Answer a = get("/api/search?q=rail&sorce=bbc.co.uk&limt=3");
    assertError(a, 400, 2, "unknown parameters limt, sorce");
    assertError(get("/api/stats?verbose=1"), 400, 2, "unknown parameter verbose: this endpoint takes none");
    assertEquals(200, get("/api/search?q=rail&mode=lexical").status(), "mode is one of search's parameters (docs/semantic.md)");
  }

  @Test
  void limitOutOfRangeIsAUsageError() {
    assertError(get("/api/search?q=rail&limit=0"), 400, 2, "illegal limit 0, must be between 1 and 10000");
    assertError(get("/api/search?q=rail&limit=10001"), 400, 2, "illegal limit 10001");
    assertError(get("/api/search?q=rail&limit=ten"), 400, 2, "parameter 'limit' must be a whole number, got 'ten'");
    assertError(get("/api/entities?limit=0"), 400, 2, "--limit must be at least 1");
  }

  @Test
  void badValuesNameTheParameter() {
    assertError(get("/api/search?q=rail&source="), 400, 2, "parameter 'source' has an empty value");
    assertError(get("/api/search?q=rail&sort=best"), 400, 2, "parameter 'sort' must be one of relevance, newest, oldest, got 'best'");
    assertError(get("/api/search?q=rail&since=yesterday"), 400, 2, "since: 'yesterday' is not a date");
    assertError(get("/api/search?q=rail&since=2025-06&until=2025-06"), 400, 2, "--until is exclusive");
    assertError(get("/api/search?q=rail&facets=maybe"), 400, 2, "parameter 'facets' must be true or false");
    // java.net.URI refuses to send this one: write the request by hand. The JDK's server refuses a
    // target that is not a URI before Lede sees it, with its own short 400 (docs/serve.md).
    String raw = raw("GET /api/search?q=%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertTrue(raw.startsWith("HTTP/1.1 400"), raw);
    assertFalse(raw.contains("\tat "), raw);
    // bytes that are not UTF-8 are read as replacement characters, as the readers read them
    assertEquals(200, get("/api/search?q=%E2%82+rail").status());
  }

  /** Sends bytes as they are, for requests an HTTP client would correct or refuse; returns the whole answer. */
  static String raw(String request) {
    return raw(base, request);
  }

  static String raw(URI base, String request) {
    try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      // Read one answer, not to the end of the stream: a server still waiting for a body it refused
      // keeps the connection open.
      java.io.InputStream in = socket.getInputStream();
      java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        got.write(buffer, 0, n);
        String text = got.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
        if (end >= 0 && length.find() && got.size() >= end + 4 + Integer.parseInt(length.group(1))) {
          break;
        }
      }
      return got.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }


  @Test
  void aStrictSyntaxErrorGivesItsPosition() {
    Answer a = get("/api/search?q=title%3A(rail&syntax=lucene");
    assertError(a, 400, 2, "query syntax error");
    assertTrue(a.json().has("position"), a.body());
    assertError(get("/api/search?q=nosuchfield%3Arail&syntax=lucene"), 400, 2, "nosuchfield");
  }

  @Test
  void anUnknownIdOrPathIs404() {
    assertError(get("/api/articles/no-such-id"), 404, 1, "no article with id 'no-such-id'");
    assertError(get("/api/similar/no-such-id"), 404, 1, "no article with id 'no-such-id'");
    assertError(get("/api/stories/no-such-id"), 404, 1, "no article with id 'no-such-id'");
    assertError(get("/api/nothing"), 404, 1, "no such path");
    assertError(get("/api/articles/rail-3/extra"), 404, 1, "no such path");
    assertError(get("/index.html"), 404, 1, "no such path");
  }

  @Test
  void aWrongMethodIs405WithAllow() {
    Answer a = send(base, "POST", "/api/search?q=rail", "{}");
    assertError(a, 405, 2, "POST is not allowed here");
    assertEquals("GET, HEAD", a.response().headers().firstValue("Allow").orElse(""));
    assertError(send(base, "DELETE", "/api/articles/rail-3", null), 405, 2, "read-only");
    assertError(send(base, "POST", "/api/articles", "[]"), 405, 2, "read-only: start it with --write");
  }

  @Test
  void pathTricksNeverReachAHandler() {
    assertError(get("/api/../api/stats"), 400, 2, ". or .. segments");
    assertError(get("/api/%2e%2e/api/stats"), 400, 2, ". or .. segments");
    assertError(get("/api/articles/..%2Fetc"), 400, 2, "encoded slash");
    assertError(get("/api/articles/a%5cb"), 400, 2, "backslash");
    assertError(get("/etc/passwd"), 404, 1, "no such path");
  }

  @Test
  void anOverlongTargetIs414() {
    assertError(get("/api/search?q=" + "a".repeat(LedeServer.MAX_TARGET_BYTES)), 414, 2, "longer than 8192 bytes");
  }

  @Test
  void anIdIsPercentDecoded() {
    // "rail-3" spelled with an encoded hyphen is the same article
    assertEquals("rail-3", get("/api/articles/rail%2D3").json().get("id").asText());
  }

  // --- The page ---

  @Test
  void thePageAndItsTwoFilesAreServedFromTheJar() {
    Answer page = get("/?q=rail");
    assertEquals(200, page.status());
    assertTrue(page.response().headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(page.body().contains("<script src=\"/lede.js\""), page.body());
    assertTrue(page.response().headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
    Answer js = get("/lede.js");
    assertEquals(200, js.status());
    assertTrue(js.body().contains("/api/search?"));
    assertEquals(200, get("/lede.css").status());
    assertFalse(page.body().contains("http://") || page.body().contains("https://"), "no other origin: the page works offline");
  }

  // --- Read-only: other processes write, the server sees it ---

  @Test
  void aReadOnlyServerSeesAnotherProcesssCommit() throws InterruptedException {
    String article = "{\"id\": \"serve-new-1\", \"headline\": \"Lighthouse keepers return to the islands\", "
        + "\"body\": \"The keepers came back after forty years.\", \"source\": \"example-news.org\"}\n";
    assertError(get("/api/articles/serve-new-1"), 404, 1, "no article");
    Run indexed = cli(article, "--index", index.toString(), "index", "-");
    assertEquals(0, indexed.code(), indexed.err());
    assertEquals(200, awaitStatus(base, "/api/articles/serve-new-1", 200));
    assertEquals(0, lede("delete", "serve-new-1").code());
    assertEquals(404, awaitStatus(base, "/api/articles/serve-new-1", 404));
  }

  @Test
  void aRepeatedSearchIsAnsweredFromTheCacheUntilAnotherProcessCommits() throws InterruptedException {
    String target = "/api/search?q=cormorant+colony&facets=true";
    Answer first = get(target);
    assertEquals(0, first.json().get("total").asLong(), first.body());
    long hits = get("/healthz").json().get("search_cache").get("hits").asLong();
    Answer again = get(target);
    assertEquals(first.body(), again.body());
    assertTrue(get("/healthz").json().get("search_cache").get("hits").asLong() > hits, "the second answer came from the cache");
    String article = "{\"id\": \"serve-cache-1\", \"headline\": \"Cormorant colony returns to the cliffs\", "
        + "\"body\": \"Birdwatchers counted two hundred nests.\", \"source\": \"example-news.org\"}\n";
    assertEquals(0, cli(article, "--index", index.toString(), "index", "-").code());
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (get(target).json().get("total").asLong() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertEquals(1, get(target).json().get("total").asLong(), "a new commit empties the cache");
    assertEquals(0, lede("delete", "serve-cache-1").code());
  }

  @Test
  void aPopularSearchIsReadyWithTheNewAnswerWhenAnotherProcessCommits() throws InterruptedException {
    String target = "/api/search?q=kingfisher+estuary";
    String article = "{\"id\": \"serve-warm-1\", \"headline\": \"Kingfisher nests found on the estuary\", "
        + "\"body\": \"Volunteers counted three pairs.\", \"source\": \"example-news.org\"}\n";
    assertEquals(0, cli(article, "--index", index.toString(), "index", "-").code());
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (get(target).json().get("total").asLong() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertEquals(1, get(target).json().get("total").asLong());
    get(target); // asked again: a popular search
    JsonNode before = get("/healthz").json().get("search_cache");
    String second = article.replace("serve-warm-1", "serve-warm-2").replace("three", "four");
    assertEquals(0, cli(second, "--index", index.toString(), "index", "-").code());
    while (get(target).json().get("total").asLong() == 1 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertEquals(2, get(target).json().get("total").asLong(), "the new commit's answer");
    JsonNode after = get("/healthz").json().get("search_cache");
    assertTrue(after.get("warmed").asLong() > before.get("warmed").asLong(), after.toString());
    assertEquals(before.get("misses").asLong(), after.get("misses").asLong(),
        "made on the new view before searches moved to it, so never missed: " + after);
    assertEquals(0, lede("delete", "serve-warm-1", "serve-warm-2").code());
    // the next test compares the server with the CLI: wait until the server searches this commit
    while (get(target).json().get("total").asLong() != 0 && System.nanoTime() < deadline + 30_000_000_000L) {
      Thread.sleep(100);
    }
  }

  /** Polls until the status is {@code wanted} or 30 s pass; returns the last status. A wait, not a timing claim. */
  static int awaitStatus(URI base, String target, int wanted) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    int status;
    while ((status = send(base, "GET", target, null).status()) != wanted && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    return status;
  }

  @Test
  void aMissingIndexIs503UntilItIsBuilt() throws InterruptedException {
    Path later = shared.resolve("later");
    try (LedeServer s = start(later, null)) {
      Answer a = send(s.url(), "GET", "/api/search?q=rail", null);
      assertError(a, 503, 3, "later");
      assertError(send(s.url(), "GET", "/healthz", null), 503, 3, "later");
      String article = "{\"id\": \"later-1\", \"headline\": \"Ferry service resumes\", \"body\": \"Boats run again.\"}\n";
      assertEquals(0, cli(article, "--index", later.toString(), "index", "-").code());
      assertEquals(200, awaitStatus(s.url(), "/api/articles/later-1", 200));
    }
  }

  @Test
  void aReadOnlyServerFollowsAReindexSwitch() throws InterruptedException {
    Path small = shared.resolve("small");
    String article = "{\"id\": \"gen-1\", \"headline\": \"Harbour reopens\", \"body\": \"Ships dock again.\"}\n";
    assertEquals(0, cli(article, "--index", small.toString(), "index", "-").code());
    try (LedeServer s = start(small, null)) {
      String before = send(s.url(), "GET", "/api/stats", null).json().get("generation").asText();
      Run reindexed = cli("", "--index", small.toString(), "reindex");
      assertEquals(0, reindexed.code(), reindexed.err());
      long deadline = System.nanoTime() + 30_000_000_000L;
      String after = before;
      while (after.equals(before) && System.nanoTime() < deadline) {
        Thread.sleep(100);
        after = send(s.url(), "GET", "/api/stats", null).json().get("generation").asText();
      }
      assertNotEquals(before, after, "the server still searches the generation before the reindex");
      assertEquals(200, send(s.url(), "GET", "/api/articles/gen-1", null).status());
    }
  }

  // --- Writes ---

  @Test
  void writesNeedTheTokenAndReportRejectionsAsIndexDoes() {
    Path dir = shared.resolve("writable");
    byte[] token = "s3cret-token".getBytes(StandardCharsets.UTF_8);
    try (LedeServer s = start(dir, token)) {
      String two = "[{\"id\": \"w-1\", \"headline\": \"Bridge closes for repairs\", \"body\": \"The bridge shuts in May.\"},"
          + " {\"id\": \"w-2\", \"headline\": \"Bridge reopens\", \"body\": \"It reopened early.\"}]";
      assertError(send(s.url(), "POST", "/api/articles", two), 401, 2, "Authorization: Bearer");
      Answer wrong = send(s.url(), "POST", "/api/articles", two, "Authorization", "Bearer s3cret-tokem");
      assertError(wrong, 401, 2, "not the server's token");
      assertEquals("Bearer", wrong.response().headers().firstValue("WWW-Authenticate").orElse(""));

      String auth = "Bearer s3cret-token";
      Answer posted = send(s.url(), "POST", "/api/articles", two, "Authorization", auth);
      assertEquals(200, posted.status(), posted.body());
      assertEquals(2, posted.json().get("added").asInt(), posted.body());
      assertEquals(0, posted.json().get("rejected").asInt());
      assertEquals(200, send(s.url(), "GET", "/api/articles/w-2", null).status());

      // JSON Lines with a bad line: the good ones are written, the bad one named as `lede index` names it
      String lines = "{\"id\": \"w-3\", \"headline\": \"Tunnel opens\", \"body\": \"Cars use it.\"}\n"
          + "{\"id\": \"w-4\", \"headline\": \"Bad date\", \"body\": \"x\", \"published\": \"yesterday\"}\n";
      Answer mixed = send(s.url(), "POST", "/api/articles?format=jsonl", lines, "Authorization", auth);
      assertEquals(200, mixed.status(), mixed.body());
      assertEquals(1, mixed.json().get("added").asInt(), mixed.body());
      assertEquals(1, mixed.json().get("rejected").asInt(), mixed.body());
      JsonNode rejection = mixed.json().get("rejections").get(0);
      assertEquals(2, rejection.get("record").asInt(), mixed.body());
      assertTrue(rejection.get("reason").asText().contains("'published' is not a date: \"yesterday\""), mixed.body());

      Answer malformed = send(s.url(), "POST", "/api/articles", "{\"id\": \"w-5\", \"headline\": ", "Authorization", auth);
      assertEquals(400, malformed.status(), malformed.body());
      assertEquals(4, malformed.json().get("code").asInt(), malformed.body());
      assertTrue(malformed.json().get("error").asText().startsWith("no article could be read from the body"), malformed.body());
      assertError(send(s.url(), "POST", "/api/articles", "", "Authorization", auth), 400, 2, "the body is empty");
      assertError(send(s.url(), "POST", "/api/articles?format=xml", two, "Authorization", auth), 400, 2, "unknown input format 'xml'");

      // Refused on its Content-Length, before a byte of it is read. (Sending the 16 MiB for real would
      // race: the server answers and closes while the client still writes, and the client sees a reset.)
      String tooLarge = raw(s.url(), "POST /api/articles HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + auth
          + "\r\nContent-Length: " + (LedeServer.MAX_BODY_BYTES + 1) + "\r\nConnection: close\r\n\r\n");
      assertTrue(tooLarge.startsWith("HTTP/1.1 413"), tooLarge);
      assertTrue(tooLarge.contains("{\"error\":\"the body is larger than 16 MiB"), tooLarge);

      assertError(send(s.url(), "DELETE", "/api/articles/w-1", null), 401, 2, "Authorization");
      Answer deleted = send(s.url(), "DELETE", "/api/articles/w-1", null, "Authorization", auth);
      assertEquals(200, deleted.status(), deleted.body());
      assertEquals(tree("{\"deleted\": [\"w-1\"], \"not_found\": []}"), deleted.json());
      assertError(send(s.url(), "GET", "/api/articles/w-1", null), 404, 1, "no article");
      assertError(send(s.url(), "DELETE", "/api/articles/w-1", null, "Authorization", auth), 404, 1, "no article with id 'w-1'");
      assertTrue(send(s.url(), "GET", "/healthz", null).json().get("writes").asBoolean());
    }
    // the writer's lock is released on close: the CLI can write to it now
    Run after = cli("{\"id\": \"w-6\", \"headline\": \"Quay\", \"body\": \"y\"}\n", "--index", dir.toString(), "index", "-");
    assertEquals(0, after.code(), after.err());
  }

  // --- The command ---

  @Test
  void writeWithoutATokenRefusesToStart() {
    Run r = lede("serve", "--write", "--port", "0");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("lede: --write needs a token: give --token-file FILE or set LEDE_TOKEN"), r.err());
    assertEquals("", r.out());
    Run file = lede("serve", "--token-file", shared.resolve("none").toString(), "--port", "0");
    assertEquals(2, file.code());
    assertTrue(file.err().contains("--token-file only goes with --write"), file.err());
    Run port = lede("serve", "--port", "70000");
    assertEquals(2, port.code());
    assertTrue(port.err().contains("--port must be between 0 and 65535, got 70000"), port.err());
  }

  @Test
  void theCommandPrintsItsAddressFirstAndStopsWhenInterrupted() throws Exception {
    java.io.PipedReader pipe = new java.io.PipedReader();
    PrintWriter out = new PrintWriter(new java.io.PipedWriter(pipe), true);
    StringWriter err = new StringWriter();
    int[] code = {-1};
    Thread serving = new Thread(() -> code[0] = LedeCli.commandLine(out, new PrintWriter(err, true), Map.of())
        .execute("--index", index.toString(), "serve", "--port", "0"));
    serving.start();
    String first = new java.io.BufferedReader(pipe).readLine();
    assertTrue(first.matches("http://127\\.0\\.0\\.1:\\d+/"), first);
    Answer a = send(URI.create(first), "GET", "/api/stats", null);
    assertEquals(200, a.status(), a.body());
    assertTrue(a.json().get("articles").asInt() > 0, a.body());
    serving.interrupt();
    serving.join(30_000);
    assertFalse(serving.isAlive());
    assertEquals(0, code[0], err.toString());
  }
}
