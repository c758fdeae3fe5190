package dev.lede.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium driven over the DevTools protocol, with the JDK's own WebSocket client: the test
 * types into the page and clicks at an element's place on the screen, as a person does, so the
 * page's own event handlers and the browser's navigation run. No WebDriver, no new dependency.
 */
final class DevTools implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final Process chromium;
  private final WebSocket socket;
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  private DevTools(Process chromium, WebSocket socket) {
    this.chromium = chromium;
    this.socket = socket;
  }

  /** Starts a headless Chromium with a page of {@code width} x {@code height} CSS pixels and attaches to that page. */
  static DevTools start(String binary, Path profile, int width, int height) {
    Process p = null;
    try {
      p = new ProcessBuilder(binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync", "--remote-allow-origins=*",
          "--remote-debugging-port=0", "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "about:blank")
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      String browserUrl = listeningUrl(p);
      URI browser = URI.create(browserUrl);
      HttpClient http = HttpClient.newHttpClient();
      // The page the browser opened with: its own WebSocket address is in /json/list.
      JsonNode targets = null;
      long deadline = System.nanoTime() + WAIT.toNanos();
      String pageUrl = null;
      while (pageUrl == null && System.nanoTime() < deadline) {
        String list = http.send(HttpRequest.newBuilder(URI.create("http://" + browser.getAuthority() + "/json/list")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        targets = JSON.readTree(list);
        for (JsonNode t : targets) {
          if ("page".equals(t.path("type").asText())) {
            pageUrl = t.path("webSocketDebuggerUrl").asText();
            break;
          }
        }
        if (pageUrl == null) {
          Thread.sleep(50);
        }
      }
      if (pageUrl == null) {
        throw new IllegalStateException("chromium opened no page: " + targets);
      }
      DevTools[] self = new DevTools[1];
      Listener listener = new Listener(m -> self[0].received(m));
      WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), listener).get(WAIT.toSeconds(), TimeUnit.SECONDS);
      self[0] = new DevTools(p, ws);
      self[0].call("Page.enable", JSON.createObjectNode());
      self[0].call("Runtime.enable", JSON.createObjectNode());
      return self[0];
    } catch (IOException e) {
      if (p != null) {
        p.destroyForcibly();
      }
      throw new UncheckedIOException(e);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      if (p != null) {
        p.destroyForcibly();
      }
      throw new IllegalStateException("cannot attach to chromium: " + e, e);
    }
  }

  private static String listeningUrl(Process p) throws IOException {
    BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line; (line = err.readLine()) != null; ) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        // keep reading its stderr, or the browser blocks on a full pipe
        Thread.ofVirtual().start(() -> {
          try {
            err.transferTo(java.io.Writer.nullWriter());
          } catch (IOException e) {
            // the browser went away
          }
        });
        return m.group(1);
      }
      seen.append(line).append('\n');
    }
    throw new IllegalStateException("chromium did not say where DevTools listen:\n" + seen);
  }

  /** Loads an address, as typing it in the address bar does, and waits until the page's script has settled. */
  void open(String url) {
    ObjectNode params = JSON.createObjectNode().put("url", url);
    call("Page.navigate", params);
    waitFor("document.readyState === 'complete' && location.href === " + JSON.valueToTree(url));
  }

  /** The value of a JavaScript expression (a promise is awaited). */
  JsonNode eval(String expression) {
    ObjectNode params = JSON.createObjectNode().put("expression", expression).put("returnByValue", true).put("awaitPromise", true);
    JsonNode r = call("Runtime.evaluate", params);
    if (r.has("exceptionDetails")) {
      throw new AssertionError("the page threw on " + expression + ": " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  String text(String expression) {
    return eval(expression).asText();
  }

  /** Waits until a JavaScript expression is true; navigation in between is fine. */
  void waitFor(String condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    String last = null;
    while (System.nanoTime() < deadline) {
      try {
        JsonNode v = eval("!!(" + condition + ")");
        if (v.asBoolean()) {
          return;
        }
      } catch (AssertionError | IllegalStateException e) {
        last = e.getMessage(); // a page being replaced has no context for a moment
      }
      sleep(50);
    }
    throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + condition + (last == null ? "" : " (" + last + ")")
        + "; the page shows: " + text("document.body ? document.body.innerText : ''"));
  }

  /** Clicks with the left mouse button at the middle of the element the expression returns, scrolled into view. */
  void click(String elementExpression) {
    JsonNode at = eval("(() => { const e = " + elementExpression + "; if (!e) return null; e.scrollIntoView({block: 'center'});"
        + " const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()");
    if (at.isNull() || at.isMissingNode()) {
      throw new AssertionError("nothing to click: " + elementExpression + "; the page shows: " + text("document.body.innerText"));
    }
    double x = at.get(0).asDouble();
    double y = at.get(1).asDouble();
    mouse("mouseMoved", x, y, 0);
    mouse("mousePressed", x, y, 1);
    mouse("mouseReleased", x, y, 1);
  }

  private void mouse(String type, double x, double y, int clicks) {
    ObjectNode p = JSON.createObjectNode().put("type", type).put("x", x).put("y", y).put("button", clicks == 0 ? "none" : "left")
        .put("clickCount", clicks);
    call("Input.dispatchMouseEvent", p);
  }

  /** Types text into the element that has the focus, as a keyboard would. */
  void type(String text) {
    call("Input.insertText", JSON.createObjectNode().put("text", text));
  }

  /** Presses and releases Enter. */
  void pressEnter() {
    ObjectNode down = JSON.createObjectNode().put("type", "keyDown").put("key", "Enter").put("code", "Enter")
        .put("windowsVirtualKeyCode", 13).put("nativeVirtualKeyCode", 13).put("text", "\r");
    call("Input.dispatchKeyEvent", down);
    ObjectNode up = JSON.createObjectNode().put("type", "keyUp").put("key", "Enter").put("code", "Enter")
        .put("windowsVirtualKeyCode", 13).put("nativeVirtualKeyCode", 13);
    call("Input.dispatchKeyEvent", up);
  }

  /** A PNG of the page as it is shown. */
  byte[] screenshot() {
    return java.util.Base64.getDecoder().decode(call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png")).path("data").asText());
  }

  private JsonNode call(String method, ObjectNode params) {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode m = JSON.createObjectNode().put("id", id).put("method", method);
    m.set("params", params);
    try {
      socket.sendText(m.toString(), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
      JsonNode r = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      if (r.has("error")) {
        throw new IllegalStateException(method + ": " + r.get("error"));
      }
      return r.path("result");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(method + " got no answer: " + e, e);
    } finally {
      pending.remove(id);
    }
  }

  private void received(String message) {
    try {
      JsonNode m = JSON.readTree(message);
      if (m.has("id")) {
        CompletableFuture<JsonNode> f = pending.get(m.get("id").asInt());
        if (f != null) {
          f.complete(m);
        }
      }
    } catch (IOException e) {
      // not JSON: not the protocol's
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    socket.abort();
    // Chromium's renderer, GPU and crash-handler processes outlive the main one for a moment and keep
    // writing into the profile: stop the whole tree and wait for every process of it, so that the
    // profile directory can be deleted afterwards.
    List<ProcessHandle> tree = new ArrayList<>(chromium.descendants().toList());
    tree.add(chromium.toHandle());
    tree.forEach(ProcessHandle::destroy);
    for (ProcessHandle p : tree) {
      try {
        p.onExit().get(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      } catch (ExecutionException | TimeoutException e) {
        p.destroyForcibly();
      }
    }
  }

  /** Collects a message that arrives in parts. */
  private static final class Listener implements WebSocket.Listener {
    private final Consumer<String> onMessage;
    private final StringBuilder partial = new StringBuilder();

    Listener(Consumer<String> onMessage) {
      this.onMessage = onMessage;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String m = partial.toString();
        partial.setLength(0);
        onMessage.accept(m);
      }
      ws.request(1);
      return null;
    }
  }
}
