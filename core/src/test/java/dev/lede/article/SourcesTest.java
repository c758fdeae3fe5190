package dev.lede.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SourcesTest {

  @Test
  void reducesAUrlOrDomainToTheBareDomain() {
    assertEquals("theguardian.com", Sources.normalize("https://www.TheGuardian.com/world/x"));
    assertEquals("theguardian.com", Sources.normalize("www.theguardian.com"));
    assertEquals("theguardian.com", Sources.normalize("  THEGUARDIAN.COM.  "));
    assertEquals("example.com", Sources.normalize("http://user:pw@www.example.com:8080/path?q=1#frag"));
    assertEquals("example.com", Sources.normalize("example.com?ref=rss"));
    assertEquals("bbc.co.uk", Sources.normalize("https://www.bbc.co.uk"));
    assertEquals("news.example.org", Sources.normalize("//news.example.org/a".substring(2)));
  }

  @Test
  void aNameThatIsNotADomainIsOnlyTrimmedAndLowerCased() {
    assertEquals("reuters", Sources.normalize(" Reuters "));
    assertEquals("bbc news", Sources.normalize("BBC News"));
  }

  @Test
  void blankIsNull() {
    assertNull(Sources.normalize(null));
    assertNull(Sources.normalize("   "));
    assertNull(Sources.normalize("https://"));
    assertNull(Sources.normalize("www."));
  }

  // A URL inside the query string is not the scheme of the source: the host is what comes first.
  @Test
  void aUrlInTheQueryDoesNotReplaceTheHost() {
    assertEquals("example.com", Sources.normalize("example.com/redirect?to=https://other.org/x"));
    assertEquals("example.com", Sources.normalize("https://example.com/r?to=https://other.org/x"));
  }
}
