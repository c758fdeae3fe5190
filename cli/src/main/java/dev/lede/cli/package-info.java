/**
 * The {@code lede} command line: one class per command, parsing options, calling lede-core and
 * handing the result to a renderer in {@link dev.lede.cli.render}.
 *
 * <p>In: arguments, standard input, files. Out: results on stdout, every message on stderr, and an
 * exit code from {@link dev.lede.cli.ExitCodes}. No search logic lives here; only {@link
 * dev.lede.cli.Main} exits the process. The backend (an index directory, or a SolrCloud collection with
 * {@code --solr}) is chosen in one place, {@link dev.lede.cli.LedeCli}; SolrJ is reached only through
 * {@code SolrBackend}, so that the embedded path never loads it.
 */
package dev.lede.cli;
