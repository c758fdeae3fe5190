package dev.lede.prepare.entity;

import java.util.List;

/** Rules: a capitalised word is a name part, unless it opens a sentence and looks like a plain word. */
final class CapitalisationDetector implements ProperNounDetector {
  @Override
  public boolean[] detect(List<Token> tokens, TextContext context) {
    boolean[] out = new boolean[tokens.size()];
    for (int i = 0; i < out.length; i++) {
      Token t = tokens.get(i);
      if (!t.capitalised()) {
        continue;
      }
      out[i] = t.sentenceStart() ? context.sentenceInitialIsName(i) : !Lexicon.COMMON.contains(context.lowers[i]) || context.startsKnownName(i);
    }
    context.markKnownNames(out);
    return out;
  }
}
