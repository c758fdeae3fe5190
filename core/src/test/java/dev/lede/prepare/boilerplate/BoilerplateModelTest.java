package dev.lede.prepare.boilerplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.article.Article;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoilerplateModelTest {
  // the footer of the scraped example post, as a blog template adds it to every post
  static final String FOOTER = "Leave a Reply\n\nYour email address will not be published. Required fields are marked *";

  static Article post(int n, String source, String body) {
    return Article.builder().id("p" + n).source(source).headline("Post " + n).body(body).build();
  }

  static String story(int n) {
    return "Paragraph one of story " + n + " about the harbour.\n\nParagraph two of story " + n + ", with quotes.";
  }

  @Test
  void learnsASourcesFooterAndStripsItFromTheIndexedBody() {
    BoilerplateModel model = new BoilerplateModel(BoilerplateOptions.defaults());
    for (int n = 1; n <= 5; n++) {
      model.learn(post(n, "blog.example", story(n) + "\n\n" + FOOTER));
    }
    assertEquals(story(6), model.strip("blog.example", story(6) + "\n\n" + FOOTER));
    List<LearnedLine> learned = model.learned().get("blog.example");
    assertEquals(List.of("Leave a Reply", "Your email address will not be published. Required fields are marked *"),
        learned.stream().map(LearnedLine::text).sorted().toList());
    assertEquals(5, learned.get(0).count());
    assertEquals(1.0, learned.get(0).share());
  }

  @Test
  void neverStripsALineFromTheOnlyArticleThatHasIt() {
    BoilerplateModel model = new BoilerplateModel(BoilerplateOptions.defaults());
    Article only = post(1, "blog.example", story(1) + "\n\n" + FOOTER);
    model.learn(only);
    assertEquals(only.body(), model.strip("blog.example", only.body()));
    assertTrue(model.learned().isEmpty());
  }

  @Test
  void needsTheMinimumCountEvenWhenTheShareIsReached() {
    BoilerplateModel model = new BoilerplateModel(BoilerplateOptions.defaults());
    model.learn(post(1, "blog.example", story(1) + "\n\n" + FOOTER));
    model.learn(post(2, "blog.example", story(2) + "\n\n" + FOOTER));
    assertFalse(model.isBoilerplate("blog.example", "Leave a Reply"));
    model.learn(post(3, "blog.example", story(3) + "\n\n" + FOOTER));
    assertTrue(model.isBoilerplate("blog.example", "  leave a reply! "));
  }

  @Test
  void aLineBelowTheShareIsNotBoilerplate() {
    BoilerplateModel model = new BoilerplateModel(BoilerplateOptions.defaults());
    for (int n = 1; n <= 12; n++) {
      model.learn(post(n, "news.example", story(n) + (n <= 3 ? "\n\nCorrection appended." : "")));
    }
    // 3 of 12 articles is 25%, under the 30% share
    assertFalse(model.isBoilerplate("news.example", "Correction appended."));
  }

  @Test
  void learnsPerSource() {
    BoilerplateModel model = new BoilerplateModel(BoilerplateOptions.defaults());
    for (int n = 1; n <= 4; n++) {
      model.learn(post(n, "blog.example", story(n) + "\n\n" + FOOTER));
    }
    model.learn(post(9, "other.example", story(9) + "\n\n" + FOOTER));
    assertEquals(story(9) + "\n\n" + FOOTER, model.strip("other.example", story(9) + "\n\n" + FOOTER));
    assertEquals(List.of("blog.example"), List.copyOf(model.learned().keySet()));
  }

  @Test
  void forgettingAReplacedArticleTakesBackItsCounts() {
    BoilerplateModel model = new BoilerplateModel(BoilerplateOptions.defaults());
    Article third = post(3, "blog.example", story(3) + "\n\n" + FOOTER);
    model.learn(post(1, "blog.example", story(1) + "\n\n" + FOOTER));
    model.learn(post(2, "blog.example", story(2) + "\n\n" + FOOTER));
    model.learn(third);
    model.forget(third);
    assertFalse(model.isBoilerplate("blog.example", "Leave a Reply"));
    assertEquals(2, model.articles("blog.example"));
  }

  @Test
  void resetForgetsEverything() {
    BoilerplateModel model = new BoilerplateModel(BoilerplateOptions.defaults());
    for (int n = 1; n <= 4; n++) {
      model.learn(post(n, "blog.example", story(n) + "\n\n" + FOOTER));
    }
    model.reset();
    assertTrue(model.learned().isEmpty());
    assertEquals(0, model.articles("blog.example"));
  }

  @Test
  void survivesAWriteAndReadThroughTheIndexDirectory(@TempDir Path dir) {
    BoilerplateModel model = new BoilerplateModel(BoilerplateOptions.defaults());
    for (int n = 1; n <= 4; n++) {
      model.learn(post(n, "blog.example", story(n) + "\n\n" + FOOTER));
    }
    BoilerplateFile.write(dir, model);
    BoilerplateModel read = new BoilerplateModel(BoilerplateOptions.defaults());
    BoilerplateFile.read(dir, read);
    assertEquals(model.learned(), read.learned());
    assertEquals(4, read.articles("blog.example"));
    // counts go on from where they were: a fifth post still strips, learning continues
    read.learn(post(5, "blog.example", story(5) + "\n\n" + FOOTER));
    assertEquals(5, read.learned().get("blog.example").get(0).count());
    assertFalse(Files.exists(dir.resolve(BoilerplateFile.NAME + ".tmp")));
  }

  @Test
  void namesTheFileWhenItIsNotABoilerplateFile(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(BoilerplateFile.NAME), "{\"format\": 99}");
    var e = assertThrows(UncheckedIOException.class,
        () -> BoilerplateFile.read(dir, new BoilerplateModel(BoilerplateOptions.defaults())));
    assertEquals("cannot read " + dir.resolve(BoilerplateFile.NAME) + ": not a boilerplate file of format 1",
        e.getCause().getMessage());
  }

  static final String PLUG = "Sign up for the Harbour Tide newsletter to get our morning briefing.";

  // a running story of ten sentences; the background, a paragraph of its own, sits in its middle
  static String running(int n, String background) {
    return "Pier works resumed on day " + n + " of the repairs. Crews moved " + (n * 3) + " tonnes of stone. "
        + "The mayor visited at noon.\n\nResidents asked about the noise. Engineers expect delays of " + n
        + " weeks.\n\n" + background + "\n\nThe next council vote is on item " + (n * 11) + ". Traders say trade is "
        + "slow. Ferries run as usual. Parking is limited. Shops open late. A public meeting follows on day " + (n + 2) + ".";
  }

  // issue 16: a sign-off sentence run into the last paragraph, with no line break, was never learned
  @Test
  void learnsASignOffSentenceRunIntoTheLastParagraph() {
    BoilerplateModel model = new BoilerplateModel(BoilerplateOptions.defaults());
    for (int n = 1; n <= 5; n++) {
      model.learn(post(n, "tide.example", story(n) + " " + PLUG));
    }
    assertEquals(List.of(PLUG), model.learned().get("tide.example").stream().map(LearnedLine::text).toList());
    assertEquals(story(6), model.strip("tide.example", story(6) + " " + PLUG));
  }

  // issue 16: a learned sentence comes off the start or end of a body only, never out of its middle
  @Test
  void stripsALearnedSentenceOnlyAtTheEdges() {
    BoilerplateModel model = new BoilerplateModel(BoilerplateOptions.defaults());
    for (int n = 1; n <= 5; n++) {
      model.learn(post(n, "tide.example", story(n) + " " + PLUG));
    }
    String quoted = "Paragraph one quotes the paper. " + PLUG + " Paragraph one ends.\n\nParagraph two of the story.";
    assertEquals(quoted, model.strip("tide.example", quoted));
  }

  // issue 16: background a running story repeats in the middle of three articles was learned as boilerplate
  @Test
  void repeatedBackgroundInTheMiddleIsNotLearned() {
    BoilerplateModel model = new BoilerplateModel(BoilerplateOptions.defaults());
    String background = "The pier was built in 1893 and last repaired in 1987.";
    for (int n = 1; n <= 6; n++) {
      model.learn(post(n, "pier.example", running(n, n <= 3 ? background : "Work goes on at pier " + n + ".")));
    }
    assertFalse(model.isBoilerplate("pier.example", background));
    String body = running(7, background);
    assertEquals(body, model.strip("pier.example", body));
  }

  // issue 16: a footer of several lines comes off whole, with the sign-off sentence before it
  @Test
  void stripsAFooterBlockAndTheSignOffBeforeIt() {
    BoilerplateModel model = new BoilerplateModel(BoilerplateOptions.defaults());
    for (int n = 1; n <= 5; n++) {
      model.learn(post(n, "blog.example", story(n) + " " + PLUG + "\n\n" + FOOTER));
    }
    assertEquals(story(6), model.strip("blog.example", story(6) + " " + PLUG + "\n\n" + FOOTER));
  }

  // issue 16: a leading sentence (a dateline or kicker the template adds) is learned and stripped from the start
  @Test
  void learnsALeadingSentence() {
    BoilerplateModel model = new BoilerplateModel(BoilerplateOptions.defaults());
    String kicker = "This article is part of our Coastal Towns series.";
    for (int n = 1; n <= 4; n++) {
      model.learn(post(n, "tide.example", kicker + " " + story(n)));
    }
    assertEquals(story(5), model.strip("tide.example", kicker + " " + story(5)));
  }

  // issue 16: a one-paragraph body with a learned kicker and sign-off loses both and keeps its text
  @Test
  void peelsBothEndsOfAOneLineBody() {
    BoilerplateModel model = new BoilerplateModel(BoilerplateOptions.defaults());
    String kicker = "This article is part of our Coastal Towns series.";
    for (int n = 1; n <= 4; n++) {
      model.learn(post(n, "tide.example", kicker + " The tide rose " + n + " metres. " + PLUG));
    }
    assertEquals("The tide rose 9 metres.", model.strip("tide.example", kicker + " The tide rose 9 metres. " + PLUG));
    assertEquals("", model.strip("tide.example", kicker + " " + PLUG), "a body that is all template is left empty");
  }

  // stripping only ever takes units off the two ends: what is left is one unbroken piece of the body
  @Test
  void strippingLeavesAContiguousMiddleOnRandomBodies() {
    java.util.Random random = new java.util.Random(16);
    String[] pool = {"Alpha rises.", "Beta falls!", "Gamma holds?", "Delta, said Mr. Fox, waits.", PLUG, "Leave a Reply",
        "U.S. ports reopen.", "\"Quoted,\" she said.", "*", "Sign up. Or don't."};
    BoilerplateModel model = new BoilerplateModel(BoilerplateOptions.defaults());
    List<String> bodies = new java.util.ArrayList<>();
    for (int n = 0; n < 300; n++) {
      StringBuilder body = new StringBuilder();
      int units = 1 + random.nextInt(12);
      for (int u = 0; u < units; u++) {
        body.append(pool[random.nextInt(pool.length)]).append(random.nextInt(4) == 0 ? "\n\n" : random.nextInt(5) == 0 ? "\n" : " ");
      }
      bodies.add(body.toString());
      model.learn(post(n, "random.example", body.toString()));
    }
    for (String body : bodies) {
      String stripped = model.strip("random.example", body);
      assertTrue(body.contains(stripped), body + " -> " + stripped);
    }
  }

  // the memory bound holds with sentences counted too, and a run-in sign-off survives the forgetting
  @Test
  void lossyCountingKeepsARunInSignOff() {
    BoilerplateModel model = new BoilerplateModel(new BoilerplateOptions(0.3, 3, 100));
    for (int n = 1; n <= 400; n++) {
      model.learn(post(n, "tide.example", "Lead " + n + " opens. Then " + n + " more.\n\n" + story(n) + " Ends " + n + ". " + PLUG));
      assertTrue(model.snapshot().get("tide.example").lines.size() <= 100 + 20, "bounded after article " + n);
    }
    assertTrue(model.isBoilerplate("tide.example", PLUG));
  }

  @Test
  void rejectsACountFloorThatWouldStripSingleArticles() {
    var e = assertThrows(IllegalArgumentException.class, () -> new BoilerplateOptions(0.3, 1, 1000));
    assertEquals("illegal minCount: 1, must be at least 2", e.getMessage());
  }
}
