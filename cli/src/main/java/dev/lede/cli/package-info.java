/**
 * The {@code lede} command line: one class per command, parsing options, calling lede-core and
 * handing the result to a renderer in {@link dev.lede.cli.render}.
 *
 * <p>In: arguments, standard input, files. Out: results on stdout, every message on stderr, and an
 * exit code from {@link dev.lede.cli.ExitCodes}. No search logic lives here; only {@link
 * dev.lede.cli.Main} exits the process.
 */
package dev.lede.cli;
