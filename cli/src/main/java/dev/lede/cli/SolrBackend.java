package dev.lede.cli;

import dev.lede.NewsIndex;
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

  /** What {@code lede solr reindex} did. */
  record Rebuilt(String alias, String previous, String current, long articles, int shards, int replicas) {}

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
      SolrCollections.Rebuilt done = collections.rebuild(alias, s, r);
      if (dropPrevious && done.previous() != null) {
        collections.delete(done.previous());
      }
      return new Rebuilt(done.alias(), done.previous(), done.current(), done.articles(), s, r);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the Solr client: " + e.getMessage(), e);
    }
  }
}
