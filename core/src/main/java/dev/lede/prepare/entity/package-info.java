/**
 * Entities: who and what an article is about, found at ingest.
 *
 * <p>In: an {@link dev.lede.article.Article}. Out: the same article with its {@link
 * dev.lede.article.Entity entities} set: canonical name, type, and the other names it went by.
 * {@link dev.lede.prepare.entity.EntityPreparer} keeps what the input brought, normalised through
 * the {@link dev.lede.prepare.entity.Gazetteer}, and runs an {@link
 * dev.lede.prepare.entity.EntityExtractor} for articles that brought none.
 *
 * <p>Extraction reads the headline, lead and body: it finds spans of name words (by capitalisation
 * rules, or by Apache OpenNLP's part-of-speech model), types them by the gazetteer and by context
 * ("President X", "X Ministry", "in X", "X said"), and resolves aliases within the article (a later
 * "Kim" is the "Kim Jong-un" named before; "(JCS)" after "Joint Chiefs of Staff" is its acronym;
 * possessives are stripped). The gazetteer maps spelling variants across articles to one name.
 *
 * <p>It never does I/O per article, never downloads anything, and never touches the index: the
 * index stage decides how entities are stored and searched.
 */
package dev.lede.prepare.entity;
