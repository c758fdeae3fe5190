package dev.lede.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.index.Schema;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The Solr configset and Lede's own schema class describe the same index: they cannot drift apart. */
class SchemaAgreementTest {
  /** Solr's analysis factory names, as Lede's analyzers print their steps. */
  private static final Map<String, String> STEP = Map.of("standard", "standard", "englishPossessive", "possessive",
      "lowercase", "lowercase", "asciiFolding", "asciifolding", "stop", "stop", "kStem", "kstem", "porterStem", "porter",
      "englishMinimalStem", "minimal");

  private static Document solrSchema() throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(SolrCollections.configsetFile("schema.xml").getBytes(StandardCharsets.UTF_8)));
  }

  private static Set<String> ledeFields() throws IllegalAccessException {
    Set<String> names = new LinkedHashSet<>();
    for (Field f : Schema.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        names.add((String) f.get(null));
      }
    }
    return names;
  }

  @Test
  void everyLedeFieldIsASolrFieldAndEverySolrFieldIsLedesOrSolrOnly() throws Exception {
    Set<String> lede = ledeFields();
    Set<String> solr = new LinkedHashSet<>(SolrFields.ALL);
    for (String f : lede) {
      if (SolrFields.EMBEDDED_ONLY.contains(f)) {
        assertTrue(!solr.contains(f), "'" + f + "' is embedded-only, yet the Solr configset has it");
        continue;
      }
      assertTrue(solr.contains(f), "Lede's schema has '" + f + "', the Solr configset does not");
    }
    for (String f : solr) {
      assertTrue(lede.contains(f) || SolrFields.SOLR_ONLY.contains(f), "the Solr configset has '" + f + "', Lede's schema does not");
    }
  }

  @Test
  void analysisChainsAreLedes() throws Exception {
    Map<String, String> lede = Schema.defaults().describe();
    assertEquals(lede.get("lede.analysis.text"), chain("text_news", false));
    assertEquals(lede.get("lede.analysis.exact"), chain("text_exact", true));
  }

  /** A Solr field type's chain, written the way Lede's analyzers describe themselves. */
  private static String chain(String type, boolean unstemmed) throws Exception {
    NodeList types = solrSchema().getElementsByTagName("fieldType");
    for (int i = 0; i < types.getLength(); i++) {
      Element t = (Element) types.item(i);
      if (t.getAttribute("name").equals(type)) {
        List<String> steps = new ArrayList<>();
        steps.add(STEP.get(((Element) t.getElementsByTagName("tokenizer").item(0)).getAttribute("name")));
        NodeList filters = t.getElementsByTagName("filter");
        for (int j = 0; j < filters.getLength(); j++) {
          String name = ((Element) filters.item(j)).getAttribute("name");
          steps.add(STEP.getOrDefault(name, "unknown:" + name));
        }
        if (unstemmed) {
          steps.add("none");
        }
        return String.join("+", steps).toLowerCase(Locale.ROOT);
      }
    }
    throw new AssertionError("no field type " + type);
  }
}
