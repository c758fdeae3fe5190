/**
 * Lede's public entry points and its exception hierarchy.
 *
 * <p>The library is organised as one flow, one package per stage: {@code read} (input formats to
 * {@link dev.lede.article.Article}) then {@code prepare} (cleaning, entities, fingerprints) then
 * {@code index} (the schema and the Lucene documents) then {@code search} (queries, ranking, facets);
 * {@code write} is the pipeline that takes an article from a reader into an index.
 * Data moves one way. The library never prints and never exits the process; every failure a user
 * can fix is a {@link dev.lede.LedeException} with a message that says how.
 */
package dev.lede;
