package dev.lede.bench.boilerplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.article.Article;
import dev.lede.prepare.boilerplate.BoilerplateModel;
import dev.lede.prepare.boilerplate.BoilerplateOptions;
import dev.lede.prepare.boilerplate.LearnedLine;
import dev.lede.prepare.story.StoryText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Learned boilerplate against known templates. Ten BBC articles go to a small made-up site, the
 * rest round-robin to eight more; each site adds its own template (or none) to a share of its
 * articles, in one of three placements: a line of its own at the end, a sentence run into the last paragraph, a
 * sentence run into the first. Two running stories per site (three consecutive articles each)
 * repeat a made-up background sentence in their middle, once as its own paragraph and once run into
 * a paragraph: content that must be neither learned nor stripped.
 *
 * <p>Scores: of the learned units, the share that are template text (precision), and of the
 * template sentences of sites whose template reaches the 30% share, the share a learned unit covers
 * (recall). Then per article, after learning from all of them (the state the end-of-run strip
 * leaves): of the sentences stripped, the share that are template; of the template sentences added,
 * the share stripped; and how many background sentences were stripped.
 *
 * <pre>java ... dev.lede.bench.boilerplate.BoilerplateBench [--corpora ../shared/corpora] [--seed 1]</pre>
 */
public final class BoilerplateBench {
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][\"'”’)]?)\\s+(?=[A-Z0-9\"“])");

  enum Place { OWN_LINE, RUN_INTO_LAST, RUN_INTO_FIRST }

  /** A site's template: text, where it goes, and the share of the site's articles that carry it. */
  record Template(String text, Place place, double share) {}

  /** A site and its template; {@code size} articles, or (0) an equal share of what is left. */
  record Site(String name, int size, List<Template> templates) {
    Site(String name, List<Template> templates) {
      this(name, 0, templates);
    }
  }

  static final List<Site> SITES = List.of(
      new Site("ledger.example", List.of(new Template("Copyright 2025 Ledger Media. All rights reserved.", Place.OWN_LINE, 1.0))),
      new Site("courier.example", List.of(new Template(
          "Sign up for the Courier newsletter to get our best stories every morning.", Place.RUN_INTO_LAST, 0.9))),
      new Site("herald.example", List.of(
          new Template("This story is part of our Herald Explains series.", Place.RUN_INTO_FIRST, 0.8),
          new Template("Share this article\n\nRead more from the Herald", Place.OWN_LINE, 0.7))),
      new Site("post.example", List.of(
          new Template("Follow the Post on social media for live updates.", Place.RUN_INTO_LAST, 1.0),
          new Template("Post Media Ltd is not responsible for the content of external sites.", Place.OWN_LINE, 1.0))),
      new Site("gazette.example", List.of(new Template("Got a tip? Email the Gazette news desk.", Place.RUN_INTO_LAST, 0.5))),
      new Site("times.example", List.of()),
      new Site("wire.example", List.of(new Template(
          "Reporting by our wire staff; editing by the night desk.", Place.OWN_LINE, 0.4))),
      new Site("chronicle.example", List.of(new Template(
          "Corrections: write to the Chronicle readers' editor.", Place.OWN_LINE, 0.2))),
      // a small site, where a running story's three articles are 30% of all it has
      new Site("parish.example", 10, List.of(new Template("Parish News is run by volunteers.", Place.OWN_LINE, 1.0))));

  private static final String[] NAMES = {"Marrowby", "Quillon", "Tessaly", "Brantwick", "Okonde", "Felmar", "Pardine",
      "Wexcombe", "Ulverin", "Sandrow", "Haverel", "Corbith", "Lintmoor", "Drevain", "Ashwold", "Peltery"};

  /** One generated article with the template and background sentences it was given. */
  record Item(Article article, List<String> template, List<String> background) {}

  public static void main(String[] args) throws IOException {
    Path corpora = Path.of("../shared/corpora");
    long seed = 1;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--corpora" -> corpora = Path.of(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        default -> throw new IllegalArgumentException("unknown option: " + args[i]);
      }
    }
    List<Item> items = generate(readBbc(corpora), new Random(seed));
    BoilerplateModel model = new BoilerplateModel(BoilerplateOptions.defaults());
    for (Item item : items) {
      model.learn(item.article());
    }
    report(items, model);
  }

  static List<String[]> readBbc(Path corpora) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String[]> out = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(corpora.resolve("bbc/bbc.jsonl.gz"))), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (!line.isBlank()) {
          JsonNode n = json.readTree(line);
          out.add(new String[] {n.get("id").asText(), n.get("headline").asText(), n.get("body").asText().strip()});
        }
      }
    }
    return out;
  }

  static List<Item> generate(List<String[]> bbc, Random random) {
    List<String[]> records = new ArrayList<>(bbc);
    Collections.shuffle(records, random);
    Map<Integer, List<String[]>> bySite = new HashMap<>();
    List<Integer> shared = new ArrayList<>();
    int next = 0;
    for (int s = 0; s < SITES.size(); s++) {
      if (SITES.get(s).size() > 0) {
        bySite.put(s, new ArrayList<>(records.subList(next, next + SITES.get(s).size())));
        next += SITES.get(s).size();
      } else {
        shared.add(s);
      }
    }
    for (int i = next; i < records.size(); i++) {
      bySite.computeIfAbsent(shared.get((i - next) % shared.size()), k -> new ArrayList<>()).add(records.get(i));
    }
    List<Item> out = new ArrayList<>();
    for (int s = 0; s < SITES.size(); s++) {
      Site site = SITES.get(s);
      List<String[]> mine = bySite.get(s);
      // two running stories: three consecutive articles each, at random places in the site's feed
      int first = random.nextInt(mine.size() / 2 - 3);
      int second = mine.size() / 2 + random.nextInt(mine.size() / 2 - 3);
      String backgroundOwn = background(random);
      String backgroundRun = background(random);
      for (int a = 0; a < mine.size(); a++) {
        String[] r = mine.get(a);
        List<String> paragraphs = new ArrayList<>(List.of(r[2].split("\n\n")));
        List<String> template = new ArrayList<>();
        List<String> background = new ArrayList<>();
        if (a >= first && a < first + 3 && paragraphs.size() >= 2) {
          paragraphs.add(paragraphs.size() / 2, backgroundOwn);
          background.add(backgroundOwn);
        }
        if (a >= second && a < second + 3 && paragraphs.size() >= 3) {
          int p = paragraphs.size() / 2;
          paragraphs.set(p, paragraphs.get(p) + " " + backgroundRun);
          background.add(backgroundRun);
        }
        for (Template t : site.templates()) {
          if (random.nextDouble() >= t.share()) {
            continue;
          }
          switch (t.place()) {
            case OWN_LINE -> paragraphs.add(t.text());
            case RUN_INTO_LAST -> paragraphs.set(paragraphs.size() - 1, paragraphs.getLast() + " " + t.text());
            case RUN_INTO_FIRST -> paragraphs.set(0, t.text() + " " + paragraphs.getFirst());
          }
          template.addAll(sentences(t.text()));
        }
        Article article = Article.builder().id(site.name() + "/" + r[0]).source(site.name()).headline(r[1])
            .body(String.join("\n\n", paragraphs)).build();
        out.add(new Item(article, template, background));
      }
    }
    return out;
  }

  /** A made-up background sentence of a running story. */
  static String background(Random random) {
    String a = NAMES[random.nextInt(NAMES.length)];
    String b = NAMES[random.nextInt(NAMES.length)];
    return "The " + a + " inquiry into the " + b + " contracts began in " + (1990 + random.nextInt(30)) + " after "
        + (3 + random.nextInt(40)) + " complaints from local firms.";
  }

  static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      for (String s : SENTENCE_END.split(line.strip())) {
        if (!s.isBlank()) {
          out.add(s.strip());
        }
      }
    }
    return out;
  }

  static void report(List<Item> items, BoilerplateModel model) {
    Map<String, String> templateText = new HashMap<>();
    for (Site site : SITES) {
      templateText.put(site.name(), StoryText.normalize(String.join(" \n ",
          site.templates().stream().map(Template::text).toList())));
    }
    // learned units
    int learned = 0;
    int correct = 0;
    Map<String, List<String>> correctBySite = new HashMap<>();
    for (Map.Entry<String, List<LearnedLine>> e : model.learned().entrySet()) {
      for (LearnedLine line : e.getValue()) {
        learned++;
        String n = StoryText.normalize(line.text());
        if (!n.isBlank() && templateText.get(e.getKey()).contains(n)) {
          correct++;
          correctBySite.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(n);
        } else {
          System.out.println("  not template: " + e.getKey() + ": " + line.text() + " (" + line.count() + "/" + line.articles() + ")");
        }
      }
    }
    int expected = 0;
    int recalled = 0;
    for (Site site : SITES) {
      for (Template t : site.templates()) {
        if (t.share() < BoilerplateOptions.defaults().minShare()) {
          continue; // below the share, it is not boilerplate by the rule
        }
        for (String sentence : sentences(t.text())) {
          expected++;
          String n = StoryText.normalize(sentence);
          if (correctBySite.getOrDefault(site.name(), List.of()).stream().anyMatch(u -> u.contains(n))) {
            recalled++;
          } else {
            System.out.println("  not learned: " + site.name() + ": " + sentence);
          }
        }
      }
    }
    // stripped sentences
    int stripped = 0;
    int strippedTemplate = 0;
    int templateAdded = 0;
    int templateStripped = 0;
    int backgroundAdded = 0;
    int backgroundStripped = 0;
    for (Item item : items) {
      Article a = item.article();
      String kept = StoryText.normalize(model.strip(a.source(), a.body()));
      List<String> all = sentences(a.body());
      for (String sentence : all) {
        String n = StoryText.normalize(sentence);
        if (n.isBlank() || kept.contains(n)) {
          continue;
        }
        stripped++;
        if (item.template().contains(sentence)) {
          strippedTemplate++;
        } else if (System.getenv("BP_DEBUG") != null) {
          System.out.println("  stripped, not template: " + a.id() + ": " + sentence);
        }
      }
      for (String t : item.template()) {
        boolean onlyBelowShare = SITES.stream().filter(s -> s.name().equals(a.source())).flatMap(s -> s.templates().stream())
            .anyMatch(x -> x.text().contains(t) && x.share() < BoilerplateOptions.defaults().minShare());
        if (onlyBelowShare) {
          continue;
        }
        templateAdded++;
        if (!kept.contains(StoryText.normalize(t))) {
          templateStripped++;
        } else if (System.getenv("BP_DEBUG") != null) {
          System.out.println("  template kept: " + a.id() + ": " + t);
        }
      }
      for (String b : item.background()) {
        backgroundAdded++;
        if (!kept.contains(StoryText.normalize(b))) {
          backgroundStripped++;
        }
      }
    }
    System.out.printf("articles: %d, sites: %d%n", items.size(), SITES.size());
    System.out.printf("learned units: %d, template: %d, precision %.4f%n", learned, correct, ratio(correct, learned));
    System.out.printf("template sentences (sites at or above the share): %d, learned: %d, recall %.4f%n", expected,
        recalled, ratio(recalled, expected));
    System.out.printf("stripped sentences: %d, template: %d, precision %.4f%n", stripped, strippedTemplate,
        ratio(strippedTemplate, stripped));
    System.out.printf("template sentences added: %d, stripped: %d, recall %.4f%n", templateAdded, templateStripped,
        ratio(templateStripped, templateAdded));
    System.out.printf("background sentences added: %d, stripped: %d%n", backgroundAdded, backgroundStripped);
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 1 : (double) a / b;
  }
}
