package dev.lede.solr;

import dev.lede.LedeException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A local two-node SolrCloud in a child JVM (the lede-solr-dev launcher), for trying Lede on Solr,
 * for tests and for benchmarks. The child has its own classpath with Solr's server and Lucene 9;
 * this JVM talks to it over HTTP only. Everything the cluster writes, scratch files included, stays
 * under the base directory.
 *
 * <p>Not for production: a real deployment runs Solr's own server distribution.
 */
public final class LocalSolrCloud implements AutoCloseable {
  private static final String READY = "LEDE_SOLR_READY";

  private final Process process;
  private final BufferedWriter commands;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final String zkAddress;
  private final List<String> nodeUrls;

  private LocalSolrCloud(Process process, String zkAddress, List<String> nodeUrls) {
    this.process = process;
    this.commands = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    this.zkAddress = zkAddress;
    this.nodeUrls = List.copyOf(nodeUrls);
  }

  /**
   * Starts a cluster and waits until it is ready.
   *
   * @param classpath the launcher's runtime classpath (as written by the lede-solr-dev build)
   * @param baseDir where the cluster keeps its data, logs and scratch files
   * @param nodes how many Solr nodes
   * @param startTimeoutSeconds how long to wait for the cluster
   * @throws LedeException when the launcher exits or is not ready in time; the message holds the
   *     end of its log
   */
  public static LocalSolrCloud start(String classpath, Path baseDir, int nodes, int startTimeoutSeconds) {
    // Quick to start and small: tests start a cluster and stop it within a minute.
    return start(classpath, baseDir, nodes, startTimeoutSeconds, List.of("-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
  }

  /** Starts a cluster with these JVM options for the child (heap, GC, JIT), e.g. for benchmarks. */
  public static LocalSolrCloud start(String classpath, Path baseDir, int nodes, int startTimeoutSeconds,
      List<String> jvmOptions) {
    try {
      Files.createDirectories(baseDir.resolve("tmp"));
      Path log = baseDir.resolve("solr-dev.log");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<String> cmd = new ArrayList<>(List.of(java));
      cmd.addAll(jvmOptions);
      cmd.addAll(List.of("-Djava.io.tmpdir=" + baseDir.resolve("tmp"), "-cp", classpath, "dev.lede.solrdev.SolrDev",
          baseDir.toString(), "--nodes", Integer.toString(nodes)));
      Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
      LocalSolrCloud[] made = new LocalSolrCloud[1];
      BlockingQueue<String> early = new LinkedBlockingQueue<>();
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = in.readLine()) != null) {
            early.add(line);
          }
        } catch (IOException e) {
          // the child went away; waiters time out or see it exit
        }
        early.add("\u0000EOF");
      }, "solr-dev-stdout");
      reader.setDaemon(true);
      reader.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(startTimeoutSeconds);
      while (System.nanoTime() < deadline) {
        String line = early.poll(200, TimeUnit.MILLISECONDS);
        if (line == null) {
          continue;
        }
        if (line.equals("\u0000EOF")) {
          break;
        }
        if (line.startsWith(READY)) {
          String zk = field(line, "zk=");
          List<String> urls = Arrays.asList(field(line, "http=").split(","));
          made[0] = new LocalSolrCloud(p, zk, urls);
          // From here on, answers to commands arrive through the same reader.
          Thread pump = new Thread(() -> {
            try {
              while (true) {
                String l = early.take();
                made[0].lines.add(l);
                if (l.equals("\u0000EOF")) {
                  return;
                }
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }, "solr-dev-answers");
          pump.setDaemon(true);
          pump.start();
          return made[0];
        }
      }
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
      throw new LedeException("the local SolrCloud did not start within " + startTimeoutSeconds + " s; its log "
          + log + " ends with:\n" + tail(log, 20));
    } catch (IOException e) {
      throw new LedeException("cannot start the local SolrCloud: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LedeException("interrupted while starting the local SolrCloud", e);
    }
  }

  /** Reads the launcher's classpath file and adds its own classes directory (or jar) in front. */
  public static String classpath(Path classpathFile, Path launcherClasses) throws IOException {
    return launcherClasses + java.io.File.pathSeparator + Files.readString(classpathFile).strip();
  }

  private static String field(String line, String key) {
    for (String part : line.split(" ")) {
      if (part.startsWith(key)) {
        return part.substring(key.length());
      }
    }
    throw new LedeException("the local SolrCloud's ready line has no " + key + ": " + line);
  }

  private static String tail(Path log, int n) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - n), all.size()));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  /** ZooKeeper's address with the Solr chroot, {@code 127.0.0.1:PORT/solr}. */
  public String zkAddress() {
    return zkAddress;
  }

  /** The Solr base URL of each node, in node order. */
  public List<String> nodeUrls() {
    return nodeUrls;
  }

  /** Every node URL, comma-separated: what {@link SolrNewsIndex#connect} takes. */
  public String solrUrls() {
    return String.join(",", nodeUrls);
  }

  /** Stops node {@code n} (its data stays) and returns its URL. */
  public String stopNode(int n) {
    return command("stop-node " + n, "stopped " + n + " ");
  }

  /** Starts node {@code n} again on its old port and returns its URL. */
  public String startNode(int n) {
    return command("start-node " + n, "started " + n + " ");
  }

  private synchronized String command(String cmd, String okPrefix) {
    try {
      commands.write(cmd);
      commands.newLine();
      commands.flush();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline) {
        String line = lines.poll(200, TimeUnit.MILLISECONDS);
        if (line == null) {
          continue;
        }
        if (line.startsWith(okPrefix)) {
          return line.substring(okPrefix.length()).strip();
        }
        if (line.startsWith("error") || line.equals("\u0000EOF")) {
          throw new LedeException("local SolrCloud: '" + cmd + "' failed: " + line);
        }
      }
      throw new LedeException("local SolrCloud: no answer to '" + cmd + "' within 60 s");
    } catch (IOException e) {
      throw new LedeException("local SolrCloud: cannot send '" + cmd + "': " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LedeException("interrupted waiting for '" + cmd + "'", e);
    }
  }

  /** Shuts the cluster down: closes the launcher's stdin, waits, and kills it if it does not exit. */
  @Override
  public void close() {
    try {
      commands.close();
    } catch (IOException e) {
      // already gone
    }
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
