package dev.lede.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Issue 15: scraped news carries HTML; the readers hand out clean text. */
class HtmlTextTest {

  @Test
  void blockTagsBecomeParagraphsSoWordsNeverGlue() {
    // issue 15: "ahead.</p><p>Shares" was indexed as one token "ahead.shares"
    assertEquals("Markets rallied ahead.\n\nShares rose.", HtmlText.text("<p>Markets rallied ahead.</p><p>Shares rose.</p>"));
    assertEquals("one\ntwo\nthree", HtmlText.text("one<br>two<br/>three"));
    assertEquals("first\nsecond", HtmlText.text("<ul><li>first</li><li>second</li></ul>"));
    assertEquals("Title\n\nText", HtmlText.text("<h2 class=\"x\">Title</h2>Text"));
  }

  @Test
  void inlineTagsVanishAndOtherTagsLeaveASpace() {
    assertEquals("a bold move", HtmlText.text("a <b>bold</b> move"));
    assertEquals("un-believable", HtmlText.text("un<em>-</em>believable"));
    assertEquals("cell one cell two", HtmlText.text("<td>cell one</td><td>cell two</td>").strip());
    assertEquals("before after", HtmlText.text("before<img src=\"x.png\" alt=\"a > b\">after"));
    assertEquals("Read more", HtmlText.text("<a href=\"https://example.com/?a=1&amp;b=2\">Read more</a>"));
  }

  @Test
  void scriptStyleAndCommentsAreDroppedWithTheirContents() {
    assertEquals("Hello world", HtmlText.text("Hello <script>var x = '<p>'; if (a < b) {}</script>world"));
    assertEquals("Hello world", HtmlText.text("Hello <STYLE type=\"text/css\">p { color: red }</STYLE>world"));
    assertEquals("Hello world", HtmlText.text("Hello <noscript>enable JavaScript</noscript>world"));
    assertEquals("Hello world", HtmlText.text("Hello <!-- ad slot -->world"));
    assertEquals("Hello", HtmlText.text("Hello<script>never closed"));
  }

  @Test
  void entitiesNamedNumericAndWindows1252AreDecoded() {
    assertEquals("Q&A: \"rates\" \u2014 what\u2019s next \u00e9t\u00e9 \u20ac5",
        HtmlText.line("Q&amp;A: &quot;rates&quot; &mdash; what&#8217;s next &eacute;t&#xE9; &euro;5"));
    assertEquals("it\u2019s", HtmlText.line("it&#146;s"));
    assertEquals("AT&T & co; x &unknown; y", HtmlText.line("AT&T & co; x &unknown; y"));
    assertEquals("a < b and c > d", HtmlText.line("a < b and c > d"));
    assertEquals("a < b", HtmlText.line("a &lt; b"));
  }

  @Test
  void doubleEscapedMarkupIsDecodedAndRemoved() {
    // issue 15: AG News headlines carry "&lt;b&gt;...&lt;/b&gt;" and "&amp;amp;"
    assertEquals("Stocks up", HtmlText.line("&lt;b&gt;Stocks&lt;/b&gt; up"));
    assertEquals("Johnson & Johnson", HtmlText.line("Johnson &amp;amp; Johnson"));
    assertEquals("Shares of IBM.N fell",
        HtmlText.line("Shares of &lt;A HREF=\"http://www.investor.reuters.com/FullQuote.aspx?ticker=IBM.N target=/stocks/quickinfo/fullquote\"&gt;IBM.N&lt;/A&gt; fell"));
  }

  @Test
  void escapedAngleBracketsThatAreNotHtmlStayText() {
    // Reuters writes tickers as "&lt;TXN.N&gt;"; an escaped non-HTML name is not markup either
    assertEquals("Texas Instruments Inc. <TXN.N> rose", HtmlText.line("Texas Instruments Inc. &lt;TXN.N&gt; rose"));
    assertEquals("from <Reuters> today", HtmlText.line("from &lt;Reuters&gt; today"));
    assertEquals("a <tag> b", HtmlText.line("a &lt;tag&gt; b"));
  }

  @Test
  void whiteSpaceIsNormalisedOnlyWhenThereWasMarkup() {
    assertEquals("a b\n\nc", HtmlText.text("  a \t b <p>\n\n\n\n c  "));
    assertEquals("a b c", HtmlText.line("a<br>b\n\nc&nbsp;"));
  }

  @Test
  void plainTextPassesThroughUnchangedAsTheSameObject() {
    String plain = "  Plain text\n\n\n with  odd   spacing and no markup at all. ";
    assertSame(plain, HtmlText.text(plain));
    assertSame(plain, HtmlText.line(plain));
    assertNull(HtmlText.text(null));
  }

  @Test
  void randomStringsNeverThrow() {
    Random random = new Random(15);
    String alphabet = "<>&;#/!-\"' abcpPscriptx0123\n";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder s = new StringBuilder();
      for (int j = random.nextInt(40); j > 0; j--) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      HtmlText.text(s.toString());
      HtmlText.line(s.toString());
    }
  }
}
