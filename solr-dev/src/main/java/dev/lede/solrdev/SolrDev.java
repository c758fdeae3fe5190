package dev.lede.solrdev;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * Starts a local two-node SolrCloud with an embedded ZooKeeper, for trying Lede on Solr and for
 * lede-solr's integration test. Everything binds to the loopback interface and lives under the base
 * directory given as the first argument.
 *
 * <p>Usage: {@code SolrDev <base-dir> [<configset-dir> <configset-name>] [--nodes N]}. When the
 * cluster is up it prints one line to stdout:
 *
 * <pre>LEDE_SOLR_READY zk=127.0.0.1:PORT/solr http=http://127.0.0.1:P1/solr,http://127.0.0.1:P2/solr</pre>
 *
 * <p>Then it reads commands from stdin, one a line, and answers each with one line: {@code
 * stop-node N} ({@code stopped N <url>}), {@code start-node N} ({@code started N <url>}), {@code
 * nodes} ({@code nodes <url>,...} with the running ones). It shuts down cleanly when stdin closes or
 * on SIGTERM, and prints {@code LEDE_SOLR_STOPPED}.
 *
 * <p>This is a development tool, not a library: it is the one place in Lede's build that runs
 * Solr's server, and it prints because printing is its interface.
 */
public final class SolrDev {
  /** The prefix of the line that says the cluster is ready. */
  public static final String READY = "LEDE_SOLR_READY";

  private SolrDev() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args[0].startsWith("-")) {
      System.err.println("usage: SolrDev <base-dir> [<configset-dir> <configset-name>] [--nodes N]");
      System.exit(2);
    }
    Path base = Path.of(args[0]).toAbsolutePath();
    Path configDir = null;
    String configName = null;
    int nodes = 2;
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--nodes") && i + 1 < args.length) {
        nodes = Integer.parseInt(args[++i]);
      } else if (configDir == null) {
        configDir = Path.of(args[i]);
      } else if (configName == null) {
        configName = args[i];
      } else {
        System.err.println("SolrDev: unexpected argument '" + args[i] + "'");
        System.exit(2);
      }
    }
    if (configDir != null && configName == null) {
      System.err.println("SolrDev: a configset directory needs a name");
      System.exit(2);
    }
    Files.createDirectories(base);
    // Solr, ZooKeeper and Jetty write scratch files to java.io.tmpdir; keep them inside the base
    // directory so that nothing is left in /tmp. (The launcher also passes -Djava.io.tmpdir.)
    Path tmp = Files.createDirectories(base.resolve("tmp"));
    System.setProperty("java.io.tmpdir", tmp.toString());
    System.setProperty("host", "127.0.0.1");
    System.setProperty("solr.log.dir", Files.createDirectories(base.resolve("logs")).toString());

    MiniSolrCloudCluster.Builder builder = new MiniSolrCloudCluster.Builder(nodes, base.resolve("cluster"));
    if (configDir != null) {
      builder.addConfig(configName, configDir.toAbsolutePath());
    }
    MiniSolrCloudCluster cluster = builder.build();

    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    AtomicBoolean stopped = new AtomicBoolean();
    Runnable shutdown = () -> {
      if (stopped.compareAndSet(false, true)) {
        try {
          cluster.shutdown();
        } catch (Exception e) {
          e.printStackTrace();
        }
        out.println("LEDE_SOLR_STOPPED");
      }
    };
    Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "solr-dev-shutdown"));

    out.println(READY + " zk=" + cluster.getZkServer().getZkAddress() + " http=" + urls(cluster.getJettySolrRunners(), false));

    try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        String cmd = line.strip();
        if (cmd.isEmpty()) {
          continue;
        }
        try {
          out.println(answer(cluster, cmd));
        } catch (Exception e) {
          out.println("error " + cmd + ": " + e);
        }
      }
    } finally {
      shutdown.run();
    }
  }

  private static String answer(MiniSolrCloudCluster cluster, String cmd) throws Exception {
    String[] parts = cmd.split("\\s+");
    List<JettySolrRunner> jetties = cluster.getJettySolrRunners();
    switch (parts[0]) {
      case "stop-node" -> {
        int n = node(parts, jetties.size());
        JettySolrRunner j = jetties.get(n);
        String url = j.getBaseUrl().toString();
        cluster.stopJettySolrRunner(j);
        cluster.waitForJettyToStop(j);
        return "stopped " + n + " " + url;
      }
      case "start-node" -> {
        int n = node(parts, jetties.size());
        JettySolrRunner j = jetties.get(n);
        if (!j.isRunning()) {
          // The same port as before, so that the node keeps its name in the cluster state.
          j.start(true);
          cluster.waitForNode(j, 30);
        }
        return "started " + n + " " + j.getBaseUrl();
      }
      case "nodes" -> {
        return "nodes " + urls(jetties, true);
      }
      default -> {
        return "error unknown command '" + parts[0] + "' (stop-node N, start-node N, nodes)";
      }
    }
  }

  private static int node(String[] parts, int count) {
    if (parts.length != 2) {
      throw new IllegalArgumentException("expected a node number 0.." + (count - 1));
    }
    int n = Integer.parseInt(parts[1]);
    if (n < 0 || n >= count) {
      throw new IllegalArgumentException("no node " + n + ", nodes are 0.." + (count - 1));
    }
    return n;
  }

  private static String urls(List<JettySolrRunner> jetties, boolean runningOnly) {
    StringJoiner j = new StringJoiner(",");
    for (JettySolrRunner r : jetties) {
      if (!runningOnly || r.isRunning()) {
        j.add(r.getBaseUrl().toString());
      }
    }
    return j.toString();
  }
}
