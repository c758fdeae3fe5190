package dev.lede.cli;

import dev.lede.IngestListener;
import dev.lede.IngestOptions;
import dev.lede.IngestReport;
import dev.lede.NewsIndex;
import dev.lede.read.ArticleSource;
import java.time.Duration;
import java.util.List;
import dev.lede.solr.SolrClients;
import dev.lede.solr.SolrCollections;
import dev.lede.solr.SolrNewsIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;

/**
 * Everything the command line does with SolrJ, behind plain Java types. Commands call it only when
 * --solr is given, so the JVM loads SolrJ's classes then and never on the embedded path: keep Solr
 * types out of every other class's fields and signatures.
 */
final class SolrBackend {
  static {
    // SolrJ logs through SLF4J, which warns on stderr when no logger is bound: noise for a command-line user.
    System.setProperty("slf4j.internal.verbosity", "ERROR");
  }

  private SolrBackend() {}

  /** A collection (or alias) as a {@link NewsIndex}. */
  static NewsIndex connect(String address, String collection) {
    return SolrNewsIndex.connect(address, collection);
  }

  /** What {@code lede solr init} made. */
  record Created(String alias, String collection, int shards, int replicas) {}

  /** Uploads Lede's configset and creates the first collection behind the alias. */
  static Created init(String address, String alias, int shards, int replicas) {
    try (CloudSolrClient client = SolrClients.cloud(address)) {
      String created = new SolrCollections(client).init(alias, shards, replicas);
      return new Created(alias, created, shards, replicas);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the Solr client: " + e.getMessage(), e);
    }
  }

  /** What a reindex on Solr did: the alias now points at {@code current} instead of {@code previous}. */
  record Rebuilt(String alias, String previous, String current, long articles, int shards, int replicas,
      IngestReport ingest) {}

  /**
   * Rebuilds the collection behind the alias into a new one and switches the alias; shards and
   * replicas are the previous collection's when null.
   */
  static Rebuilt reindex(String address, String alias, Integer shards, Integer replicas, boolean dropPrevious) {
    try (CloudSolrClient client = SolrClients.cloud(address)) {
      SolrCollections collections = new SolrCollections(client);
      SolrCollections.Layout before = collections.layout(alias);
      int s = shards == null ? before.shards() : shards;
      int r = replicas == null ? before.replicas() : replicas;
      long start = System.nanoTime();
      SolrCollections.Rebuilt done = collections.rebuild(alias, s, r);
      if (dropPrevious && done.previous() != null) {
        collections.delete(done.previous());
      }
      // Read back from the stored originals: every article is added to the new collection.
      IngestReport ingest = new IngestReport(0, done.articles(), done.articles(), 0, 0, 0, 0, 0, null, List.of(), 0,
          Duration.ofNanos(System.nanoTime() - start));
      return new Rebuilt(done.alias(), done.previous(), done.current(), done.articles(), s, r, ingest);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the Solr client: " + e.getMessage(), e);
    }
  }

  /**
   * Builds a new collection for the alias from these inputs instead of the stored articles (same
   * layout as before), then switches the alias; the previous collection is kept.
   */
  static Rebuilt reindexFrom(String address, String alias, ArticleSource inputs, IngestOptions options, IngestListener listener) {
    try (CloudSolrClient client = SolrClients.cloud(address)) {
      SolrCollections collections = new SolrCollections(client);
      String previous = collections.requireAlias(alias);
      SolrCollections.Layout layout = collections.layout(previous);
      String target = collections.createNext(alias, layout.shards(), layout.replicas());
      IngestReport report;
      try (SolrNewsIndex index = SolrNewsIndex.wrap(client, target)) {
        report = index.ingest(inputs, options, listener);
      }
      collections.alias(alias, target);
      return new Rebuilt(alias, previous, target, report.added() + report.replaced() + report.unchanged(),
          layout.shards(), layout.replicas(), report);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the Solr client: " + e.getMessage(), e);
    }
  }

  /** Points the alias back at its previous collection; returns {from, to}. */
  static String[] rollback(String address, String alias) {
    try (CloudSolrClient client = SolrClients.cloud(address)) {
      SolrCollections.RolledBack r = new SolrCollections(client).rollback(alias);
      return new String[] {r.from(), r.to()};
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the Solr client: " + e.getMessage(), e);
    }
  }
}
