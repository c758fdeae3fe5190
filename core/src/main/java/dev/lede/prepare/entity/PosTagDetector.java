package dev.lede.prepare.entity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;

/**
 * Statistical: Apache OpenNLP's English part-of-speech model (Universal Dependencies EWT, from the
 * {@code opennlp-models-pos-en} jar) tags each sentence; proper nouns are name parts.
 *
 * <p>The model (about 1.2 MB) is loaded once per JVM, on first use. A tagger is not thread-safe,
 * so each thread gets its own over the one shared, immutable model.
 */
final class PosTagDetector implements ProperNounDetector {

  private static final String MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

  /** Longest sentence handed to the tagger; longer runs are cut, so work stays linear. */
  private static final int MAX_SENTENCE = 200;

  private static final class Holder {
    static final POSModel MODEL_INSTANCE = load();

    private static POSModel load() {
      try (InputStream in = PosTagDetector.class.getResourceAsStream(MODEL)) {
        if (in == null) {
          throw new IllegalStateException(
              "the OpenNLP English POS model " + MODEL + " is not on the class path (artifact org.apache.opennlp:opennlp-models-pos-en)");
        }
        return new POSModel(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load the OpenNLP English POS model", e);
      }
    }
  }

  private static final ThreadLocal<POSTaggerME> TAGGER =
      ThreadLocal.withInitial(() -> new POSTaggerME(Holder.MODEL_INSTANCE, POSTagFormat.UD));

  private final boolean onlySentenceInitial;

  /** A detector, or a clear error when OpenNLP is not on the class path. */
  static ProperNounDetector create(boolean onlySentenceInitial) {
    try {
      Class.forName("opennlp.tools.postag.POSTaggerME", false, PosTagDetector.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "the OpenNLP entity extractor needs org.apache.opennlp:opennlp-tools and org.apache.opennlp:opennlp-models-pos-en"
              + " on the class path (optional dependencies of lede-core)", e);
    }
    return new PosTagDetector(onlySentenceInitial);
  }

  /**
   * @param onlySentenceInitial when true, the model judges only capitalised sentence openers and the
   *     capitalisation rules judge the rest (the combined approach)
   */
  PosTagDetector(boolean onlySentenceInitial) {
    this.onlySentenceInitial = onlySentenceInitial;
  }

  @Override
  public boolean[] detect(List<Token> tokens, TextContext context) {
    boolean[] out = onlySentenceInitial ? new CapitalisationDetector().detect(tokens, context) : new boolean[tokens.size()];
    POSTaggerME tagger = TAGGER.get();
    int i = 0;
    List<String> sentence = new ArrayList<>();
    while (i < tokens.size()) {
      int start = i;
      sentence.clear();
      do {
        sentence.add(tokens.get(i).text());
        i++;
      } while (i < tokens.size() && !tokens.get(i).sentenceStart() && i - start < MAX_SENTENCE);
      if (onlySentenceInitial) {
        Token first = tokens.get(start);
        if (!first.capitalised() || context.startsKnownName(start)) {
          continue;
        }
      }
      // The combined approach only needs the opener's tag: a short window around it is enough.
      List<String> window = onlySentenceInitial ? sentence.subList(0, Math.min(sentence.size(), 8)) : sentence;
      String[] tags = tagger.tag(window.toArray(new String[0]));
      for (int k = 0; k < tags.length; k++) {
        Token t = tokens.get(start + k);
        boolean proper = ("PROPN".equals(tags[k]) || tags[k].startsWith("NNP")) && t.capitalised();
        if (onlySentenceInitial) {
          if (k == 0) {
            out[start] = proper;
          }
        } else {
          out[start + k] = proper;
        }
      }
    }
    context.markKnownNames(out);
    return out;
  }
}
