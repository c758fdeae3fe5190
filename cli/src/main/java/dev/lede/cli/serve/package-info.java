/**
 * {@code lede serve}: the index over HTTP, as a JSON API and a search page.
 *
 * <p>What comes in: HTTP requests, on the JDK's own server ({@code com.sun.net.httpserver}), one
 * virtual thread per exchange. What goes out: the very JSON objects the commands print with
 * {@code --format json} (built by {@link dev.lede.cli.Answers}), errors as {@code {"error", "code"}}
 * with the HTTP status that matches the command line's exit code, and the page's three files from
 * the jar. What it never does: serve a file from disk, print, or exit; {@link dev.lede.cli.ServeCommand}
 * prints the address and waits for a signal. Limits and the choice of server: {@code docs/serve.md}.
 */
package dev.lede.cli.serve;
