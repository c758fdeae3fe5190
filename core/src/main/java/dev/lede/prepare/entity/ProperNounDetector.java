package dev.lede.prepare.entity;

import java.util.List;

/**
 * Decides which words of a text may be part of a name. This is where the extraction approaches
 * differ; spans, typing and aliases are shared.
 */
interface ProperNounDetector {

  /**
   * @param tokens the text's tokens
   * @param context what the recogniser knows about the whole text
   * @return per token, whether it may be part of a name
   */
  boolean[] detect(List<Token> tokens, TextContext context);
}
