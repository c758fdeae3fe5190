/**
 * The index stage: how an article becomes a Lucene document and back.
 *
 * <p>In: {@link dev.lede.prepare.PreparedArticle}s. Out: Lucene {@code Document}s laid out by {@link
 * dev.lede.index.Schema}, the one class that owns every field, and the analyzers of {@link
 * dev.lede.index.NewsAnalyzers} (English) and {@link dev.lede.index.LanguageAnalyzers} (the other
 * languages, in the fields of {@link dev.lede.index.LanguageFields}); the layout of an index directory beside Lucene's files (generations,
 * the synonym file). Never: searches, prints or exits.
 */
package dev.lede.index;
