package dev.lede.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.lede.article.Article;
import dev.lede.article.Entity;
import dev.lede.prepare.Preparer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15: every reader hands out headline, lead, body and authors as clean text. */
class MarkupInFieldsTest {

  @Test
  void jsonLinesFieldsAreCleanedTagsEntitiesScriptsAndAuthors() {
    Collected c = Collected.readFixture("jsonl/html_fields.jsonl");
    assertEquals(List.of(), c.rejections);
    Article a = c.articles.get(0);
    assertEquals("Markets & Money: \"Rates\" hold", a.headline());
    assertEquals("Traders waited for the Fed\u2019s decision.", a.lead());
    assertEquals("Markets rallied ahead.\n\nShares rose.", a.body(), "paragraphs kept apart, script and style dropped");
    assertEquals(List.of("Ann Lee", "Bo Chen"), a.authors());
  }

  @Test
  void doubleEscapedAgNewsStyleMarkupIsRemoved() {
    Article a = Collected.readFixture("jsonl/html_fields.jsonl").articles.get(1);
    assertEquals("Harbour Deal Signed for Port Town", a.headline());
    assertEquals("Dock workers at PORT.X welcomed the deal on Tuesday.", a.lead());
  }

  @Test
  void markupAttributesNoLongerBecomeEntities() {
    // issue 15 (item 5): "HREF" in escaped markup was extracted as an ORGANIZATION
    Article read = Collected.readFixture("jsonl/html_fields.jsonl").articles.get(1);
    List<String> names = Preparer.defaults().prepare(read).article().entities().stream().map(Entity::name).toList();
    assertFalse(names.stream().anyMatch(n -> n.equalsIgnoreCase("HREF") || n.contains("quickinfo")), names.toString());
  }

  @Test
  void newsPleaseMaintextBlocksBecomeParagraphsAndLines() {
    Article a = Collected.readFixture("newsplease/html_maintext.json").onlyArticle();
    assertEquals("Library Opens \u2013 At Last", a.headline());
    assertEquals("Hundreds queued outside.\nSome since dawn.\n\nThe mayor cut the ribbon.", a.body());
    assertEquals(List.of("Cy Diaz"), a.authors());
  }

  @Test
  void postHeadlineBylineAndParagraphsAreCleaned() {
    Article a = Collected.readFixture("post/html_paragraphs.txt").onlyArticle();
    assertEquals("Council Votes Yes on Bike Lanes", a.headline());
    assertEquals(List.of("Dee Evans"), a.authors());
    assertEquals("The council voted 7\u20132 for new lanes.", a.lead());
    assertEquals("Work starts in May.\nIt ends in June.", a.body());
  }
}
