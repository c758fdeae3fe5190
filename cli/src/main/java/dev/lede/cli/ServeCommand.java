package dev.lede.cli;

import dev.lede.cli.serve.LedeServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code lede serve}: the index as a JSON API and a search page, until Ctrl-C. */
@Command(name = "serve", addMethodSubcommands = false, header = "Serve the index over HTTP: a JSON API and a search page.",
    description = "The first line on stdout is the address served (http://HOST:PORT/). The API's bodies are the "
        + "--format json objects of search, show, similar, story, entities, trending and stats (docs/serve.md). "
        + "The index is opened read-only, and new commits and a reindex are seen within seconds; --write also "
        + "accepts POST and DELETE of articles, with a bearer token. Ctrl-C stops it.")
final class ServeCommand implements Callable<Integer> {
  @ParentCommand LedeCli lede;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "Port (default: 8080; 0 picks a free one).")
  int port;

  @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 for every interface).")
  String bind;

  @Option(names = "--write", description = "Also accept POST /api/articles and DELETE /api/articles/ID, with the token.")
  boolean write;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "With --write: the file holding the bearer token (default: $LEDE_TOKEN).")
  Path tokenFile;

  @Option(names = "--refresh", paramLabel = "SECONDS", defaultValue = "2",
      description = "How often to look for new commits and a reindex (default: 2).")
  double refreshSeconds;

  @Option(names = "--cache-mb", paramLabel = "MB", defaultValue = "32",
      description = "Memory for answers to repeated searches, emptied by every new commit (default: 32; 0 turns it off).")
  int cacheMb;

  /** Counted down when the server has stopped, which ends the command. */
  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  public Integer call() {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port);
    }
    if (!(refreshSeconds >= 0.1) || refreshSeconds > 3600) {
      throw new IllegalArgumentException("--refresh must be between 0.1 and 3600 seconds, got " + refreshSeconds);
    }
    if (cacheMb < 0 || cacheMb > 65_536) {
      throw new IllegalArgumentException("--cache-mb must be between 0 and 65536, got " + cacheMb);
    }
    byte[] token = token();
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--bind: unknown address '" + bind + "'");
    }
    PrintWriter out = lede.spec.commandLine().getOut();
    PrintWriter err = lede.spec.commandLine().getErr();
    LedeServer.Options options = new LedeServer.Options(new InetSocketAddress(address, port), token, lede.indexName(),
        lede.onSolr() ? null : lede.indexDir(), Duration.ofMillis(Math.round(refreshSeconds * 1000)),
        line -> {
          synchronized (err) {
            err.println("lede: serve: " + line);
            err.flush();
          }
        }, (long) cacheMb << 20);
    LedeServer server = LedeServer.start(write ? lede::openForWriting : lede::openForReading, options);
    // Ctrl-C and SIGTERM run the hook: requests under way finish, the index is closed (a writing
    // server's last commit is already durable: every write commits before it answers).
    Thread hook = new Thread(() -> stop(server), "lede-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println(server.url());
    out.flush();
    if (!lede.quiet) {
      err.println("lede: serving " + lede.indexName() + (write ? " (writes allowed)" : " (read-only)") + "; Ctrl-C stops");
      err.flush();
    }
    try {
      stopped.await();
    } catch (InterruptedException e) {
      // Stopped from inside the JVM (an embedding thread, a test), not by a signal: stop as the hook would.
      Runtime.getRuntime().removeShutdownHook(hook);
      stop(server);
    }
    return ExitCodes.OK;
  }

  private void stop(LedeServer server) {
    try {
      server.close();
    } finally {
      stopped.countDown();
    }
  }

  /** The write token, or null for a read-only server; --write without one is a usage error. */
  private byte[] token() {
    if (!write) {
      if (tokenFile != null) {
        throw new IllegalArgumentException("--token-file only goes with --write");
      }
      return null;
    }
    String token;
    if (tokenFile != null) {
      try {
        token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new IllegalArgumentException("--token-file: cannot read " + tokenFile + ": " + e.getMessage());
      }
      if (token.isEmpty()) {
        throw new IllegalArgumentException("--token-file: " + tokenFile + " is empty");
      }
    } else {
      token = lede.env().get("LEDE_TOKEN");
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("--write needs a token: give --token-file FILE or set LEDE_TOKEN");
      }
      token = token.strip();
    }
    return token.getBytes(StandardCharsets.UTF_8);
  }
}
