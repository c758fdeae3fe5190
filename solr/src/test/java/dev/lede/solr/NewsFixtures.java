package dev.lede.solr;

import dev.lede.article.Article;
import dev.lede.article.Entity;
import dev.lede.article.EntityType;
import java.time.Instant;
import java.util.List;

/**
 * A small news set written for these tests: a syndicated story in three copies, two different
 * stories on one topic, several topics, three months, entities with aliases, and one article
 * without a date. The story of an article is its {@code story} attribute (its own id without one),
 * standing in for Lede's story grouping.
 */
final class NewsFixtures {
  private NewsFixtures() {}

  static String storyOf(Article a) {
    return a.attributes().getOrDefault("story", a.id());
  }

  private static Article a(String id, String source, String date, String headline, String lead, String body, String story,
      Entity... entities) {
    Article.Builder b = Article.builder().id(id).source(source).url("https://" + source + "/" + id).headline(headline)
        .lead(lead).body(body).language("en").entities(List.of(entities));
    if (date != null) {
      b.published(Instant.parse(date));
    }
    if (story != null) {
      b.attribute("story", story);
    }
    return b.build();
  }

  static final Entity FED = new Entity("Federal Reserve", EntityType.ORGANIZATION, List.of("Fed"));
  static final Entity ECB = new Entity("European Central Bank", EntityType.ORGANIZATION, List.of("ECB"));
  static final Entity ICELAND = new Entity("Iceland", EntityType.PLACE);
  static final Entity LAGARDE = new Entity("Christine Lagarde", EntityType.PERSON, List.of("Lagarde"));
  static final Entity MESSI = new Entity("Lionel Messi", EntityType.PERSON, List.of("Messi"));

  static List<Article> articles() {
    return List.of(
        a("v1", "reuters.com", "2024-01-14T08:00:00Z", "Volcano erupts near Grindavik in Iceland",
            "A volcano erupted on Sunday near the fishing town of Grindavik, sending lava toward homes.",
            "Authorities had evacuated the town's residents weeks earlier. Lava fountains reached 50 metres.",
            "volcano-grindavik", ICELAND),
        a("v2", "apnews.com", "2024-01-14T09:30:00Z", "Volcano erupts near Grindavik, Iceland",
            "A volcano erupted Sunday near the fishing town of Grindavik, sending lava toward homes.",
            "Authorities had evacuated the residents of the town weeks earlier. Lava fountains reached 50 metres.",
            "volcano-grindavik", ICELAND),
        a("v3", "bbc.co.uk", "2024-01-14T11:00:00Z", "Iceland volcano erupts near Grindavik",
            "A volcano erupted on Sunday near the fishing town of Grindavik, sending lava towards homes.",
            "Residents had been evacuated weeks earlier. Lava fountains reached 50 metres into the air.",
            "volcano-grindavik", ICELAND),
        a("v4", "theguardian.com", "2024-02-09T07:00:00Z", "Hot water cut off after new volcanic eruption",
            "A third eruption on the Reykjanes peninsula destroyed a pipeline that supplies hot water.",
            "Thousands of homes were left without heating as temperatures fell below freezing.", null, ICELAND),
        a("r1", "reuters.com", "2024-01-31T19:00:00Z", "Federal Reserve holds interest rates steady",
            "The Federal Reserve left interest rates unchanged and signalled cuts are not imminent.",
            "Fed chair Jerome Powell said the central bank needs more confidence that inflation is falling.",
            null, FED),
        a("r2", "ft.com", "2024-01-25T13:15:00Z", "European Central Bank keeps rates at record high",
            "The European Central Bank kept interest rates on hold for a third meeting.",
            "ECB president Christine Lagarde said it was premature to discuss cuts to borrowing costs.", null, ECB,
            LAGARDE),
        a("r3", "theguardian.com", "2024-03-07T14:00:00Z", "Lagarde says rate cuts are coming closer",
            "The central bank's president said policymakers were making progress on inflation.",
            "Christine Lagarde told reporters that June was a likely date for a first cut in rates.", null, ECB,
            LAGARDE),
        a("f1", "bbc.co.uk", "2024-02-18T21:00:00Z", "Messi scores twice as Miami win opener",
            "Lionel Messi scored two goals as Inter Miami won their first match of the season.",
            "The Argentine forward was substituted late in the second half to a standing ovation.", null, MESSI),
        a("f2", "apnews.com", "2024-03-02T23:00:00Z", "Miami draw despite late goal",
            "Inter Miami were held to a draw after conceding in stoppage time.",
            "Messi did not play because of a hamstring injury, the club said.", null, MESSI),
        a("e1", "reuters.com", "2024-03-05T06:00:00Z", "Polls open in Super Tuesday primaries",
            "Voters in fifteen states cast ballots in the biggest day of the primary season.",
            "Turnout was expected to be high in several states despite the predictable outcome.", null),
        a("e2", "theguardian.com", "2024-03-06T06:00:00Z", "What Super Tuesday results mean for November",
            "The primaries confirmed a rematch that few voters say they want.",
            "Analysts said turnout among young voters would decide the general election.", null),
        a("t1", "ft.com", "2024-02-22T16:00:00Z", "Chipmaker shares soar on record revenue",
            "Shares in the chipmaker rose sharply after it reported record quarterly revenue.",
            "Demand for data centre processors used for artificial intelligence outstripped supply.", null),
        a("t2", "bbc.co.uk", null, "Why artificial intelligence needs so much power",
            "Data centres running artificial intelligence use as much electricity as small countries.",
            "Engineers are looking at new cooling designs and cheaper chips.", null));
  }
}
