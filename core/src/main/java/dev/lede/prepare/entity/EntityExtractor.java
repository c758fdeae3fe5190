package dev.lede.prepare.entity;

import dev.lede.article.Article;
import dev.lede.article.Entity;
import dev.lede.article.EntityType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the named entities of an article in its headline, lead and body.
 *
 * <p>Implementations are thread-safe, do no I/O per call and download nothing. Two approaches come
 * with Lede (see {@link Approach}); both share the gazetteer, the typing rules and the
 * within-article aliases, and differ in how they decide which words are parts of names.
 */
public interface EntityExtractor {

  /** At most this many entities per article, the most mentioned first. */
  int MAX_ENTITIES = 100;

  /** The extraction approaches Lede offers, measured against each other in docs/entities.md. */
  enum Approach {
    /** Capitalisation, sentence position and context words. The default: best measured, fastest. */
    RULES,
    /** Apache OpenNLP's English part-of-speech model marks proper nouns. */
    OPENNLP,
    /** Rules inside sentences; the part-of-speech model judges the capitalised words that open them. */
    COMBINED
  }

  /** Every mention of a named entity, in text order. */
  List<Mention> mentions(Article article);

  /**
   * The article's entities: one per canonical name, with the other names it went by as aliases,
   * most mentioned first, at most {@link #MAX_ENTITIES}.
   */
  default List<Entity> extract(Article article) {
    return group(mentions(article));
  }

  /** The extractor Lede uses by default, over the built-in gazetteer. */
  static EntityExtractor defaults() {
    return of(Approach.RULES, Gazetteer.builtIn());
  }

  /**
   * An extractor of the given approach over a gazetteer (e.g. the built-in one with a user's laid over it).
   *
   * @throws IllegalStateException for {@link Approach#OPENNLP} and {@link Approach#COMBINED} when
   *     Apache OpenNLP ({@code org.apache.opennlp:opennlp-tools} and {@code opennlp-models-pos-en},
   *     optional dependencies of lede-core) is not on the class path
   */
  static EntityExtractor of(Approach approach, Gazetteer gazetteer) {
    return switch (approach) {
      case RULES -> new Recognizer("rules", gazetteer, new CapitalisationDetector(), false);
      case OPENNLP -> new Recognizer("opennlp", gazetteer, PosTagDetector.create(false), false);
      case COMBINED -> new Recognizer("combined", gazetteer, PosTagDetector.create(true), false);
    };
  }

  /** The text that mention offsets point into: headline, a blank line, then lead and body. */
  static String textOf(Article article) {
    return Recognizer.analysedText(article);
  }

  /** Groups mentions into entities: canonical name, the type most mentions agree on, the other spellings as aliases. */
  static List<Entity> group(List<Mention> mentions) {
    record Acc(String canonical, Map<EntityType, Integer> types, Set<String> aliases, int first, int[] count) {}
    Map<String, Acc> byKey = new LinkedHashMap<>();
    for (int i = 0; i < mentions.size(); i++) {
      Mention m = mentions.get(i);
      Acc acc =
          byKey.computeIfAbsent(
              NameKey.of(m.canonical()),
              k -> new Acc(m.canonical(), new HashMap<>(), new LinkedHashSet<>(), byKey.size(), new int[1]));
      acc.types().merge(m.type(), 1, Integer::sum);
      if (acc.aliases().size() < 20) {
        acc.aliases().add(m.surface());
      }
      acc.count()[0]++;
    }
    List<Acc> all = new ArrayList<>(byKey.values());
    all.sort(Comparator.comparingInt((Acc a) -> -a.count()[0]).thenComparingInt(Acc::first));
    List<Entity> out = new ArrayList<>();
    for (Acc a : all) {
      if (out.size() == MAX_ENTITIES) {
        break;
      }
      EntityType type = EntityType.OTHER;
      int best = 0;
      for (EntityType t : EntityType.values()) {
        int n = a.types().getOrDefault(t, 0);
        if (t != EntityType.OTHER && n > best) {
          type = t;
          best = n;
        }
      }
      out.add(new Entity(a.canonical(), type, new ArrayList<>(a.aliases())));
    }
    return out;
  }
}
