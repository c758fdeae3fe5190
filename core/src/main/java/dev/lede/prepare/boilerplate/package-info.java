/**
 * Boilerplate learned from the corpus: lines and sentences that a source repeats at the start or
 * end of many of its articles (site footers such as "Leave a Reply", newsletter plugs, copyright
 * notes) are that source's template, not its news.
 *
 * <p>In: articles, one at a time ({@link dev.lede.prepare.boilerplate.BoilerplateModel#learn}).
 * Out: the body with the source's boilerplate peeled off its two ends, for indexing only (the stored original
 * keeps them), and what was learned per source ({@link
 * dev.lede.prepare.boilerplate.BoilerplateModel#learned}). The counts live next to the index in a
 * small JSON file ({@link dev.lede.prepare.boilerplate.BoilerplateFile}).
 *
 * <p>Never: removes a line from the only article that has it (a line needs a minimum count), takes
 * anything out of the middle of a body,
 * changes the stored article, prints or exits.
 */
package dev.lede.prepare.boilerplate;
