package dev.lede.prepare.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lede.article.Article;
import dev.lede.read.ArticleInputs;
import dev.lede.read.InputFormat;
import dev.lede.read.Origin;
import dev.lede.read.ReadListener;
import dev.lede.read.Rejection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every mention the default extractor finds in the sample corpus, as written down in {@code
 * sample-corpus-mentions.txt}: work on the extractor's speed must leave its output exactly as it
 * was. A change meant to alter what it finds rewrites the file, and the diff shows what moved:
 * {@code ./mvnw -o -q -pl core test -Dtest=SampleCorpusMentionsTest -Dlede.rewrite=true}.
 */
class SampleCorpusMentionsTest {
  static final Path EXPECTED = Path.of("src/test/resources/dev/lede/prepare/entity/sample-corpus-mentions.txt");

  /** One line per mention, articles in id order: id, offsets, type, canonical name and the text as written. */
  static String render(Path corpus) {
    List<Article> articles = new ArrayList<>();
    ArticleInputs.read(List.of(corpus), InputFormat.AUTO, new ReadListener() {
      @Override
      public void article(Article article, Origin origin) {
        articles.add(article);
      }

      @Override
      public void rejected(Rejection rejection) {}
    });
    articles.sort(Comparator.comparing(Article::id));
    EntityExtractor extractor = EntityExtractor.defaults();
    StringBuilder out = new StringBuilder();
    for (Article a : articles) {
      for (Mention m : extractor.mentions(a)) {
        out.append(a.id()).append('\t').append(m.start()).append('-').append(m.end()).append('\t').append(m.type())
            .append('\t').append(m.canonical()).append('\t').append(m.surface().replace('\n', ' ')).append('\n');
      }
    }
    return out.toString();
  }

  @Test
  void theSampleCorpusGivesTheMentionsWrittenDown() throws IOException {
    String now = render(GoldEntitySetTest.CORPUS);
    if (Boolean.getBoolean("lede.rewrite")) {
      Files.writeString(EXPECTED, now, StandardCharsets.UTF_8);
    }
    String expected = Files.readString(EXPECTED, StandardCharsets.UTF_8);
    assertEquals(expected, now, "the extractor's output on the sample corpus changed; if that was meant, rewrite "
        + EXPECTED + " with -Dlede.rewrite=true and review the diff");
  }
}
