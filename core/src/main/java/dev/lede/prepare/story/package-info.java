/**
 * Stories: near-duplicate grouping of articles, so that a wire story syndicated by many sites with
 * small edits is one story.
 *
 * <p>In: {@link dev.lede.article.Article}s, one at a time. The lead and body are normalised into
 * words ({@link dev.lede.prepare.story.StoryText}), cut into word shingles ({@link
 * dev.lede.prepare.story.Shingles}) and summarised by a MinHash signature with LSH band keys ({@link
 * dev.lede.prepare.story.MinHash}); {@link dev.lede.prepare.story.StoryIndex} finds earlier articles
 * sharing a band, verifies the estimated similarity, and assigns a story id: the id of the story's
 * earliest member. Out: a {@link dev.lede.prepare.story.StoryAssignment} (story id, best match,
 * exact duplicate, relabeled members).
 *
 * <p>Where entries are kept is a {@link dev.lede.prepare.story.StoryStore}: the embedded index's
 * writer keeps every entry in {@link dev.lede.prepare.story.MemoryStoryStore} (flat arrays and one
 * probe table, loaded from the index's doc values when it opens), Solr's collection is its own store,
 * and {@link dev.lede.prepare.story.InMemoryStoryStore} (plain maps of band keys) serves Solr's
 * overlay of unrefreshed writes. {@link dev.lede.prepare.story.SimHash} is the measured alternative to MinHash.
 *
 * <p>Never: reads files, opens an index, rescans the corpus, prints or exits.
 */
package dev.lede.prepare.story;
