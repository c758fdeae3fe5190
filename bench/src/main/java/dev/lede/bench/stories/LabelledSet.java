package dev.lede.bench.stories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.article.Article;
import dev.lede.article.Fingerprints;
import dev.lede.prepare.story.Shingles;
import dev.lede.prepare.story.StoryText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * A generated, labelled set of syndicated copies: originals from the BBC corpus, each with zero to
 * four copies made by the edits a syndicating site makes (another headline, a paragraph dropped or
 * added, words replaced or swapped, sentences reordered, the copy cut short, the site's boilerplate
 * added). Every other original is a negative: another story on the same five topics.
 */
final class LabelledSet {

  /** One article of the set and the original it was made from. */
  record Item(Article article, int label, String category) {}

  /** The BBC records as read, in file order. */
  record BbcRecord(String id, String category, String headline, String body) {}

  static final List<String> FOOTERS = List.of(
      "Leave a Reply\n\nYour email address will not be published. Required fields are marked *",
      "Copyright 2025 Example Media Group. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
      "Sign up for our daily newsletter to get the top stories in your inbox every morning.",
      "Follow us on Twitter and Facebook for the latest news and updates from around the world.",
      "Related: More stories from our business desk\n\nShare this article");

  static List<BbcRecord> readBbc(Path corpora) throws IOException {
    Path file = corpora.resolve("bbc/bbc.jsonl.gz");
    ObjectMapper json = new ObjectMapper();
    List<BbcRecord> out = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = json.readTree(line);
        out.add(new BbcRecord(n.get("id").asText(), n.get("category").asText(), n.get("headline").asText(),
            n.get("body").asText()));
      }
    }
    return out;
  }

  /** The records with exact duplicates (same fingerprint) left out, first occurrence kept. */
  static List<BbcRecord> dedupe(List<BbcRecord> records) {
    Set<String> seen = new HashSet<>();
    List<BbcRecord> out = new ArrayList<>();
    for (BbcRecord r : records) {
      if (seen.add(Fingerprints.of(r.headline(), "", r.body()))) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * The records left after dropping every one whose body shares at least {@code maxJaccard} of its
   * word 3-shingles with an earlier kept one. The BBC set holds revisions of one story under two
   * headlines; labelling those as different stories would count correct groupings as errors.
   */
  static List<BbcRecord> distinctStories(List<BbcRecord> records, double maxJaccard) {
    List<BbcRecord> kept = new ArrayList<>();
    List<long[]> keptShingles = new ArrayList<>();
    for (BbcRecord r : records) {
      long[] s = Shingles.of(StoryText.words(r.body()), 3);
      boolean distinct = true;
      for (long[] other : keptShingles) {
        if (Shingles.jaccard(s, other) >= maxJaccard) {
          distinct = false;
          break;
        }
      }
      if (distinct) {
        kept.add(r);
        keptShingles.add(s);
      }
    }
    return kept;
  }

  static List<Item> generate(List<BbcRecord> originals, int n, long seed) {
    Random random = new Random(seed);
    List<BbcRecord> all = new ArrayList<>(originals);
    Collections.shuffle(all, random);
    List<BbcRecord> pool = all.subList(0, Math.min(n, all.size()));
    // paragraphs a copying site adds come from stories outside the set, so an added paragraph never
    // makes a copy part of another labelled story
    List<BbcRecord> outside = all.size() > pool.size() ? all.subList(pool.size(), all.size()) : pool;
    List<String> vocabulary = new ArrayList<>();
    for (BbcRecord r : pool.subList(0, Math.min(200, pool.size()))) {
      for (String w : r.body().split("\\s+")) {
        if (w.chars().allMatch(Character::isLetter) && w.length() > 3) {
          vocabulary.add(w.toLowerCase());
        }
      }
    }
    Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < pool.size(); i++) {
      BbcRecord r = pool.get(i);
      Instant published = t0.plusSeconds(3600L * i);
      items.add(new Item(article("o" + i, "bbc.co.uk", published, r.headline(), r.body()), i, r.category()));
      int copies = random.nextDouble() < 0.4 ? 0 : 1 + random.nextInt(4);
      for (int c = 0; c < copies; c++) {
        String source = "site" + random.nextInt(20) + ".example";
        String body = edit(r.body(), outside, vocabulary, random, source);
        String headline = random.nextBoolean() ? r.headline() : "UPDATE: " + r.headline().toLowerCase();
        items.add(new Item(article("o" + i + "c" + c, source, published.plusSeconds(60L + random.nextInt(86_400)),
            headline, body), i, r.category()));
      }
    }
    // ingest in publication order, as a feed would deliver them, with some copies running late
    items.sort((a, b) -> a.article().published().compareTo(b.article().published()));
    for (int i = 0; i + 1 < items.size(); i++) {
      if (random.nextDouble() < 0.05) {
        Collections.swap(items, i, Math.min(items.size() - 1, i + 1 + random.nextInt(20)));
      }
    }
    return items;
  }

  private static Article article(String id, String source, Instant published, String headline, String body) {
    return Article.builder().id(id).source(source).published(published).headline(headline).body(body).build();
  }

  /** Two to four realistic edits. */
  static String edit(String body, List<BbcRecord> pool, List<String> vocabulary, Random random, String source) {
    List<String> paragraphs = new ArrayList<>(List.of(body.split("\n\n")));
    int edits = 2 + random.nextInt(3);
    Set<Integer> done = new HashSet<>();
    for (int e = 0; e < edits; e++) {
      int kind = random.nextInt(7);
      if (!done.add(kind)) {
        continue; // each kind of edit at most once per copy
      }
      switch (kind) {
        case 0 -> { // a paragraph dropped (never the first: the lead is what makes it the story)
          if (paragraphs.size() > 2) {
            paragraphs.remove(1 + random.nextInt(paragraphs.size() - 1));
          }
        }
        case 1 -> { // a paragraph of the site's own: up to two sentences from a story outside the set
          String[] other = pool.get(random.nextInt(pool.size())).body().split("\n\n");
          String[] sentences = other[random.nextInt(other.length)].split("(?<=\\.) ");
          String added = sentences.length > 1 ? sentences[0] + " " + sentences[1] : sentences[0];
          paragraphs.add(1 + random.nextInt(paragraphs.size()), added);
        }
        case 2 -> { // words replaced: about one in twenty
          for (int p = 0; p < paragraphs.size(); p++) {
            String[] words = paragraphs.get(p).split(" ");
            for (int w = 0; w < words.length; w++) {
              if (random.nextDouble() < 0.05) {
                words[w] = vocabulary.get(random.nextInt(vocabulary.size()));
              }
            }
            paragraphs.set(p, String.join(" ", words));
          }
        }
        case 3 -> { // neighbouring words swapped in a few places
          for (int p = 0; p < paragraphs.size(); p++) {
            String[] words = paragraphs.get(p).split(" ");
            for (int k = 0; k < words.length / 40 + 1 && words.length > 2; k++) {
              int w = random.nextInt(words.length - 1);
              String t = words[w];
              words[w] = words[w + 1];
              words[w + 1] = t;
            }
            paragraphs.set(p, String.join(" ", words));
          }
        }
        case 4 -> { // two sentences of a paragraph reordered
          int p = random.nextInt(paragraphs.size());
          List<String> sentences = new ArrayList<>(List.of(paragraphs.get(p).split("(?<=\\.) ")));
          if (sentences.size() > 1) {
            Collections.swap(sentences, 0, sentences.size() - 1);
            paragraphs.set(p, String.join(" ", sentences));
          }
        }
        case 5 -> { // cut short, as wire copies often are: at least the first 60% kept
          int keep = Math.max(1, (int) Math.ceil(paragraphs.size() * (0.6 + 0.4 * random.nextDouble())));
          paragraphs = new ArrayList<>(paragraphs.subList(0, Math.min(keep, paragraphs.size())));
        }
        default -> paragraphs.add(FOOTERS.get(Math.floorMod(source.hashCode(), FOOTERS.size())));
      }
    }
    return String.join("\n\n", paragraphs);
  }
}
