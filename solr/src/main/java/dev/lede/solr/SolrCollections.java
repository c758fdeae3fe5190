package dev.lede.solr;

import dev.lede.IndexUnavailableException;
import dev.lede.LedeException;
import dev.lede.article.Article;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.ContentStreamBase;

/**
 * Collection administration for Lede on SolrCloud: upload Lede's configset, create a collection
 * with shards and replicas, and rebuild into a new collection behind an alias (Solr's own
 * zero-downtime switch), keeping the previous collection for rollback.
 */
public final class SolrCollections {
  /** The configset name Lede uploads by default; the schema version is part of it. */
  public static final String DEFAULT_CONFIGSET = "lede-v" + SolrFields.SCHEMA_VERSION;

  /** The files of Lede's configset, as packaged in this jar. */
  static final List<String> CONFIGSET_FILES = List.of("schema.xml", "solrconfig.xml", "stopwords.txt");

  private static final String CONFIGSET_RESOURCE = "/dev/lede/solr/configset/conf/";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final CloudSolrClient client;
  private final Clock clock;

  public SolrCollections(CloudSolrClient client) {
    this(client, Clock.systemUTC());
  }

  SolrCollections(CloudSolrClient client, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.clock = clock;
  }

  /** The text of one configset file, as packaged. */
  static String configsetFile(String name) {
    try (InputStream in = SolrCollections.class.getResourceAsStream(CONFIGSET_RESOURCE + name)) {
      if (in == null) {
        throw new IllegalStateException("configset file " + name + " is missing from the lede-solr jar");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read configset file " + name, e);
    }
  }

  /** Lede's configset as the zip Solr's configset API takes. */
  static byte[] configsetZip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String f : CONFIGSET_FILES) {
        zip.putNextEntry(new ZipEntry(f));
        zip.write(configsetFile(f).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot zip the configset", e);
    }
    return bytes.toByteArray();
  }

  /** Uploads Lede's configset under {@code name}, replacing one of that name. */
  public void uploadConfigset(String name) {
    ConfigSetAdminRequest.Upload upload = new ConfigSetAdminRequest.Upload();
    upload.setConfigSetName(name);
    upload.setOverwrite(true);
    upload.setCleanup(true);
    upload.setUploadStream(new ContentStreamBase.ByteArrayStream(configsetZip(), "lede-configset.zip", "application/zip"));
    run(() -> upload.process(client), "upload configset '" + name + "'");
  }

  /** Creates a collection with Lede's configset (uploaded first) and waits until every replica is active. */
  public void create(String collection, int shards, int replicas) {
    create(collection, DEFAULT_CONFIGSET, shards, replicas);
  }

  /** Creates a collection with an uploaded configset and waits until every replica is active. */
  public void create(String collection, String configset, int shards, int replicas) {
    if (shards < 1 || replicas < 1) {
      throw new IllegalArgumentException("illegal layout " + shards + " shards x " + replicas + " replicas, both must be >= 1");
    }
    uploadConfigset(configset);
    CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection(collection, configset, shards, replicas);
    create.setRouterName("compositeId");
    create.setWaitForFinalState(true);
    run(() -> create.process(client), "create collection '" + collection + "'");
  }

  /** Deletes a collection. */
  public void delete(String collection) {
    run(() -> CollectionAdminRequest.deleteCollection(collection).process(client), "delete collection '" + collection + "'");
  }

  /** Points {@code alias} at {@code collection}, atomically for every reader. */
  public void alias(String alias, String collection) {
    run(() -> CollectionAdminRequest.createAlias(alias, collection).process(client),
        "point alias '" + alias + "' at '" + collection + "'");
  }

  /** The collection an alias points at, or null when it is no alias. */
  public String aliasTarget(String alias) {
    try {
      Map<String, String> aliases = new CollectionAdminRequest.ListAliases().process(client).getAliases();
      return aliases.get(alias);
    } catch (SolrServerException | IOException | SolrException e) {
      throw new LedeException("cannot list Solr aliases: " + SolrNewsIndex.rootMessage(e), e);
    }
  }

  /** What a rebuild did. */
  public record Rebuilt(String alias, String previous, String current, long articles) {}

  /** A collection's layout. */
  public record Layout(int shards, int replicas) {
    public Layout {
      if (shards < 1 || replicas < 1) {
        throw new IllegalArgumentException("illegal layout " + shards + " shards x " + replicas + " replicas, both must be >= 1");
      }
    }
  }

  /**
   * Creates the first collection behind {@code alias}, {@code alias_<utc stamp>}, and points the
   * alias at it: clients use the alias, so that {@link #rebuild} can later switch it to a new
   * collection without them noticing.
   *
   * @return the collection created
   * @throws LedeException when {@code alias} already names a collection or an alias
   */
  public String init(String alias, int shards, int replicas) {
    new Layout(shards, replicas);
    if (aliasTarget(alias) != null) {
      throw new LedeException("Solr alias '" + alias + "' exists already (it points at '" + aliasTarget(alias)
          + "'): use it, or rebuild it with `lede solr reindex`");
    }
    if (collectionExists(alias)) {
      throw new LedeException("Solr collection '" + alias + "' exists already: use it, or choose another --collection");
    }
    String target = stamped(alias);
    create(target, shards, replicas);
    alias(alias, target);
    return target;
  }

  /** The shards and replicas (per shard) of a collection, or of the collection an alias points at. */
  public Layout layout(String collectionOrAlias) {
    String target = aliasTarget(collectionOrAlias);
    String name = target == null ? collectionOrAlias : target;
    try {
      var state = client.getClusterState().getCollectionOrNull(name);
      if (state == null) {
        throw new IndexUnavailableException(IndexUnavailableException.Reason.MISSING, null,
            "no Solr collection or alias '" + collectionOrAlias + "'", null);
      }
      int shards = state.getSlices().size();
      int replicas = state.getSlices().stream().mapToInt(sl -> sl.getReplicas().size()).max().orElse(1);
      return new Layout(shards, replicas);
    } catch (SolrException e) {
      throw new LedeException("cannot read the layout of '" + name + "': " + SolrNewsIndex.rootMessage(e), e);
    }
  }

  /**
   * Rebuilds the articles behind {@code alias} into a new collection with the previous one's
   * layout; see {@link #rebuild(String, int, int)}.
   */
  public Rebuilt rebuild(String alias) {
    Layout l = layout(alias);
    return rebuild(alias, l.shards(), l.replicas());
  }

  /**
   * Rebuilds the articles behind {@code alias} into a new collection {@code alias_<utc stamp>}
   * (prepared again on the client, stories grouped again, with the current configset), then switches
   * the alias to it. The previous collection is kept for rollback ({@link #alias} it back) and
   * deleted by the operator. Readers see the old collection until the switch and the new one after
   * it; writes made during the rebuild must be repeated (the same as for the embedded reindex).
   */
  public Rebuilt rebuild(String alias, int shards, int replicas) {
    return rebuild(alias, shards, replicas, null);
  }

  /** As {@link #rebuild(String, int, int)}, with fixed story labels (null: Lede's story grouping). */
  public Rebuilt rebuild(String alias, int shards, int replicas, Function<Article, String> storyOf) {
    String previous = requireAlias(alias);
    String target = createNext(alias, shards, replicas);
    long count = 0;
    SolrNewsIndex from = storyOf == null ? SolrNewsIndex.wrap(client, previous) : SolrNewsIndex.wrap(client, previous, storyOf);
    SolrNewsIndex to = storyOf == null ? SolrNewsIndex.wrap(client, target) : SolrNewsIndex.wrap(client, target, storyOf);
    List<Article> batch = new ArrayList<>(SolrNewsIndex.DEFAULT_BATCH);
    for (Article a : from.allArticles()) {
      batch.add(a);
      if (batch.size() == SolrNewsIndex.DEFAULT_BATCH) {
        to.upsertAll(batch);
        count += batch.size();
        batch.clear();
      }
    }
    to.upsertAll(batch);
    count += batch.size();
    to.commit();
    alias(alias, target);
    return new Rebuilt(alias, previous, target, count);
  }

  /**
   * Creates the next collection for {@code alias}, {@code alias_<utc stamp>}, with Lede's configset,
   * and returns its name; the alias is not switched (see {@link #alias}).
   */
  public String createNext(String alias, int shards, int replicas) {
    new Layout(shards, replicas);
    String target = stamped(alias);
    create(target, shards, replicas);
    return target;
  }

  /**
   * The collection an alias points at.
   *
   * @throws IndexUnavailableException (MISSING) when there is no such alias or collection
   * @throws LedeException when it names a collection, not an alias: readers could not be switched
   */
  public String requireAlias(String alias) {
    String target = aliasTarget(alias);
    if (target != null) {
      return target;
    }
    if (!collectionExists(alias)) {
      throw new IndexUnavailableException(IndexUnavailableException.Reason.MISSING, null,
          "no Solr collection or alias '" + alias + "' (create it with `lede solr init`)", null);
    }
    throw new LedeException("'" + alias + "' is a collection, not an alias: a rebuild could not switch readers to the "
        + "new collection. Create the collection with `lede solr init`, which puts it behind an alias");
  }

  /** What a rollback did: the alias now points at {@code to} instead of {@code from}. */
  public record RolledBack(String alias, String from, String to) {}

  /**
   * Points the alias back at the newest of its other collections ({@code alias_<utc stamp>}): after
   * a rebuild, the one it replaced; a second rollback goes forward again.
   *
   * @throws LedeException when the alias has no other collection (the previous one was deleted)
   */
  public RolledBack rollback(String alias) {
    String current = requireAlias(alias);
    List<String> others;
    try {
      others = CollectionAdminRequest.listCollections(client).stream()
          .filter(c -> c.startsWith(alias + "_") && c.substring(alias.length() + 1).matches("\\d{8}T\\d{9}"))
          .filter(c -> !c.equals(current))
          .sorted()
          .toList();
    } catch (SolrServerException | IOException | SolrException e) {
      throw new LedeException("cannot list Solr collections: " + SolrNewsIndex.rootMessage(e), e);
    }
    if (others.isEmpty()) {
      throw new LedeException("alias '" + alias + "' has no collection to roll back to (only '" + current + "')");
    }
    String to = others.get(others.size() - 1);
    alias(alias, to);
    return new RolledBack(alias, current, to);
  }

  private String stamped(String alias) {
    return alias + "_" + STAMP.format(clock.instant());
  }

  /** Whether a collection (not an alias) of this name exists. */
  public boolean collectionExists(String name) {
    try {
      return CollectionAdminRequest.listCollections(client).contains(name);
    } catch (SolrServerException | IOException | SolrException e) {
      throw new LedeException("cannot list Solr collections: " + SolrNewsIndex.rootMessage(e), e);
    }
  }

  private interface Admin {
    Object run() throws SolrServerException, IOException;
  }

  private static void run(Admin admin, String what) {
    try {
      admin.run();
    } catch (SolrServerException | IOException | SolrException e) {
      throw new LedeException("cannot " + what + ": " + SolrNewsIndex.rootMessage(e), e);
    }
  }
}
