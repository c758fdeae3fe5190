package dev.lede.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SolrConfigsetTest {

  private static Document schema() throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(SolrCollections.configsetFile("schema.xml").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static List<String> attributes(NodeList nodes, String attribute) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(((Element) nodes.item(i)).getAttribute(attribute));
    }
    return out;
  }

  @Test
  void schemaDeclaresExactlyTheFieldsTheClientWrites() throws Exception {
    assertEquals(SolrFields.ALL, attributes(schema().getElementsByTagName("field"), "name"));
  }

  @Test
  void uniqueKeyIsTheCompositeDocumentId() throws Exception {
    assertEquals(SolrFields.ID, schema().getElementsByTagName("uniqueKey").item(0).getTextContent().strip());
  }

  @Test
  void facetAndSortFieldsHaveDocValues() throws Exception {
    NodeList fields = schema().getElementsByTagName("field");
    List<String> withDocValues = new ArrayList<>();
    for (int i = 0; i < fields.getLength(); i++) {
      Element f = (Element) fields.item(i);
      if ("true".equals(f.getAttribute("docValues"))) {
        withDocValues.add(f.getAttribute("name"));
      }
    }
    for (String f : List.of(SolrFields.ID, SolrFields.SOURCE, SolrFields.ENTITY, SolrFields.ENTITY_TYPE, SolrFields.MONTH,
        SolrFields.PUBLISHED, SolrFields.STORY)) {
      assertTrue(withDocValues.contains(f), f + " needs docValues for facets, sort or collapse; has: " + withDocValues);
    }
  }

  @Test
  void newsAnalysisChainIsTheEnglishNewsChain() throws Exception {
    NodeList types = schema().getElementsByTagName("fieldType");
    for (int i = 0; i < types.getLength(); i++) {
      Element t = (Element) types.item(i);
      if (t.getAttribute("name").equals("text_news")) {
        assertEquals(List.of("standard"), attributes(t.getElementsByTagName("tokenizer"), "name"));
        assertEquals(List.of("englishPossessive", "lowercase", "asciiFolding", "stop", "porterStem"),
            attributes(t.getElementsByTagName("filter"), "name"));
        return;
      }
    }
    throw new AssertionError("schema.xml has no text_news field type");
  }

  @Test
  void stopWordsAreLucenesEnglishStopSet() {
    List<String> words = SolrCollections.configsetFile("stopwords.txt").lines().map(String::strip)
        .filter(l -> !l.isEmpty()).toList();
    assertEquals(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.size(), words.size());
    for (String w : words) {
      assertTrue(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w), w + " is not in Lucene's English stop set");
    }
  }

  @Test
  void configsetZipHoldsEveryFile() throws Exception {
    List<String> names = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(SolrCollections.configsetZip()))) {
      for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        names.add(e.getName());
      }
    }
    assertEquals(SolrCollections.CONFIGSET_FILES, names);
  }
}
