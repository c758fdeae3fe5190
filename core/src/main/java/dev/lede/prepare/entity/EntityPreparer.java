package dev.lede.prepare.entity;

import dev.lede.article.Article;
import dev.lede.article.Entity;
import dev.lede.article.EntityType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Gives an article its entities: the ones it brought, normalised, or the ones extraction finds.
 * Immutable and thread-safe.
 *
 * <p>Normalising maps each name through the gazetteer to its canonical name ("Kim Jong Un" ->
 * "Kim Jong-un", "US" -> "United States"), keeps the name as given as an alias, fills in the type
 * when the input said none, and merges entities that turn out to be the same.
 */
public final class EntityPreparer {

  /** When extraction runs. */
  public enum Policy {
    /** Only for articles that bring no entities of their own (the default). */
    EXTRACT_WHEN_MISSING,
    /** For every article; what it brought is kept and merged with what was found. */
    ALWAYS_EXTRACT,
    /** Never: input entities are normalised, nothing is added. */
    NEVER_EXTRACT
  }

  private final Gazetteer base; // null: the built-in one
  private final Gazetteer userGazetteer;
  private final EntityExtractor.Approach approach;
  private final EntityExtractor givenExtractor;
  private final Policy policy;
  /**
   * The gazetteer and extractor, made on first use: every index is opened with a preparer, but only
   * writing prepares articles, and loading the built-in gazetteer cost a search about 17 ms (issue 17).
   */
  private volatile Ready ready;

  private record Ready(Gazetteer gazetteer, EntityExtractor extractor) {}

  private EntityPreparer(Builder b) {
    this.base = b.gazetteer;
    this.userGazetteer = b.userGazetteer;
    this.approach = b.approach;
    this.givenExtractor = b.extractor;
    this.policy = b.policy;
  }

  private Ready ready() {
    Ready r = ready;
    if (r == null) {
      synchronized (this) {
        r = ready;
        if (r == null) {
          Gazetteer g = base == null ? Gazetteer.builtIn() : base;
          if (userGazetteer != null) {
            g = g.with(userGazetteer);
          }
          r = new Ready(g, givenExtractor != null ? givenExtractor : EntityExtractor.of(approach, g));
          ready = r;
        }
      }
    }
    return r;
  }

  /** The defaults: built-in gazetteer, the rules approach, extraction only when an article brings no entities. */
  public static EntityPreparer defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The gazetteer in use, a user's laid over the built-in one. */
  public Gazetteer gazetteer() {
    return ready().gazetteer();
  }

  /** The article with its entities set as the policy says. */
  public Article prepare(Article article) {
    EntityExtractor extractor = ready().extractor();
    List<Entity> given = normalise(article.entities());
    List<Entity> result =
        switch (policy) {
          case NEVER_EXTRACT -> given;
          case EXTRACT_WHEN_MISSING -> given.isEmpty() ? extractor.extract(article) : given;
          case ALWAYS_EXTRACT -> {
            List<Entity> all = new ArrayList<>(given);
            all.addAll(extractor.extract(article));
            yield merge(all);
          }
        };
    return result.equals(article.entities()) ? article : article.withEntities(result);
  }

  /** Entities as an input gave them, mapped to canonical names and types through the gazetteer and merged. */
  public List<Entity> normalise(List<Entity> entities) {
    Gazetteer gazetteer = ready().gazetteer();
    List<Entity> out = new ArrayList<>(entities.size());
    for (Entity e : entities) {
      Gazetteer.Entry known = gazetteer.find(e.name());
      for (int i = 0; known == null && i < e.aliases().size(); i++) {
        known = gazetteer.find(e.aliases().get(i));
      }
      if (known == null) {
        out.add(e);
        continue;
      }
      List<String> aliases = new ArrayList<>();
      aliases.add(e.name());
      aliases.addAll(e.aliases());
      EntityType type = e.type() == EntityType.OTHER ? known.type() : e.type();
      out.add(new Entity(known.canonical(), type, aliases));
    }
    return merge(out);
  }

  private static List<Entity> merge(List<Entity> entities) {
    Map<String, Entity> byKey = new LinkedHashMap<>();
    for (Entity e : entities) {
      String key = NameKey.of(e.name());
      Entity old = byKey.get(key);
      if (old == null) {
        byKey.put(key, e);
        continue;
      }
      Set<String> aliases = new LinkedHashSet<>(old.aliases());
      aliases.addAll(e.aliases());
      EntityType type = old.type() == EntityType.OTHER ? e.type() : old.type();
      byKey.put(key, new Entity(old.name(), type, new ArrayList<>(aliases)));
    }
    return List.copyOf(byKey.values());
  }

  /** Configures an {@link EntityPreparer}. */
  public static final class Builder {
    private Gazetteer gazetteer; // null: the built-in one, loaded when first needed
    private Gazetteer userGazetteer;
    private EntityExtractor.Approach approach = EntityExtractor.Approach.RULES;
    private EntityExtractor extractor;
    private Policy policy = Policy.EXTRACT_WHEN_MISSING;

    private Builder() {}

    /** The base gazetteer (default: the built-in one). */
    public Builder gazetteer(Gazetteer gazetteer) {
      this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
      return this;
    }

    /** A user's gazetteer laid over the base: its names and aliases win. */
    public Builder userGazetteer(Gazetteer user) {
      this.userGazetteer = user;
      return this;
    }

    /** A user's gazetteer file (TSV, see {@link Gazetteer}). */
    public Builder userGazetteer(Path file) {
      this.userGazetteer = Gazetteer.read(file);
      return this;
    }

    /** The extraction approach (default {@link EntityExtractor.Approach#RULES}). */
    public Builder approach(EntityExtractor.Approach approach) {
      this.approach = Objects.requireNonNull(approach, "approach");
      return this;
    }

    /** An extractor of one's own; overrides {@link #approach}. */
    public Builder extractor(EntityExtractor extractor) {
      this.extractor = extractor;
      return this;
    }

    public Builder policy(Policy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    public EntityPreparer build() {
      return new EntityPreparer(this);
    }
  }
}
