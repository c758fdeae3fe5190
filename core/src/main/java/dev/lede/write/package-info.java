/**
 * The write path: how an article read by {@code dev.lede.read} becomes a document in an index.
 *
 * <p>{@link dev.lede.write.Pipeline} is the one pipeline every index is fed through. It numbers
 * the articles as they are read (in units of {@link dev.lede.write.WriteSteps#batch()} articles),
 * <em>prepares</em> them on N threads, <em>places</em> them one at a time in input order (the step
 * that depends on every earlier article: unchanged or not, story, boilerplate), <em>stores</em>
 * what it placed on the same N threads without a lock, and commits at the end (and at every
 * {@code --commit-every} boundary, so that a commit always holds a prefix of the input). What the
 * three steps do is the index's business, through {@link dev.lede.write.WriteSteps}:
 *
 * <ul>
 *   <li>the embedded Lucene index: {@link dev.lede.write.LuceneWrites}, which keeps story entries,
 *       fingerprints and boilerplate counts in the writer's memory and hands documents to Lucene's
 *       {@code IndexWriter}; a reindex feeds it {@link dev.lede.write.StoredOriginals}, the stored
 *       articles with what preparation made of each ({@link dev.lede.write.Carried});
 *   <li>any other {@link dev.lede.NewsIndex} (Solr): its own steps, or by default batches of
 *       {@link dev.lede.NewsIndex#upsertAll}.
 * </ul>
 *
 * <p>What comes in: an {@link dev.lede.read.ArticleSource}. What goes out: an
 * {@link dev.lede.IngestReport}, and the listener's calls. It never prints and never exits.
 */
package dev.lede.write;
