/**
 * Renderers: one class per output format, each turning a result value into text on a writer.
 *
 * <p>In: {@link dev.lede.search.SearchResult}s and other result values of lede-core. Out: text for
 * people (colour only when asked), JSON and JSON Lines for scripts (a stable, documented shape: fields
 * are only ever added), CSV and TREC run files. Never: searches, decides exit codes, or writes to
 * stderr.
 */
package dev.lede.cli.render;
