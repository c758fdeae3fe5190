/**
 * The article model: what every other stage of Lede passes along.
 *
 * <p>In: nothing; this package depends on no other Lede package and on no Lucene class. Out: {@link
 * dev.lede.article.Article}, an immutable news article (headline, lead, body, source, url, published
 * date, authors, language, entities and the raw extra fields of its input), the {@link
 * dev.lede.article.Entity} values it carries, and the small rules that give an article a stable id
 * ({@link dev.lede.article.ArticleIds}), a normalised source ({@link dev.lede.article.Sources}) and a
 * content fingerprint ({@link dev.lede.article.Fingerprints}).
 *
 * <p>Never: reads files, touches an index, prints or exits.
 */
package dev.lede.article;
