/**
 * A launcher for a local SolrCloud ({@link dev.lede.solrdev.SolrDev}), run in a JVM of its own.
 *
 * <p>In: a base directory, optionally a configset directory and name. Out: a running cluster on
 * 127.0.0.1, its addresses as one line on stdout, answers to node commands read from stdin.
 *
 * <p>Never: depends on Lede's own modules (their Lucene 10 cannot share a classpath with Solr's
 * Lucene 9), binds to anything but loopback, or writes outside its base directory on purpose.
 */
package dev.lede.solrdev;
