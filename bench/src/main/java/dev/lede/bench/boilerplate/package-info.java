/**
 * Precision and recall of learned boilerplate on a labelled set generated at run time: BBC
 * articles given made-up site templates (footer lines, sign-offs run into the last paragraph,
 * kickers run into the first) and made-up background sentences repeated in the middle of a few
 * articles, which must stay. Reads {@code ../shared/corpora}; writes nothing.
 */
package dev.lede.bench.boilerplate;
