/**
 * The prepare stage: what the index needs that the input did not say.
 *
 * <p>In: {@link dev.lede.article.Article}s as read. Out: {@link dev.lede.prepare.PreparedArticle}s:
 * the article (with entities filled in), the text to index for its body, its content fingerprint and
 * its story. A {@link dev.lede.prepare.Preparer} is a pipeline of {@link
 * dev.lede.prepare.PrepareStep}s; each step is a pure function, so the ingest pipeline can run it on
 * many threads. Never: touches an index, prints or exits.
 */
package dev.lede.prepare;
