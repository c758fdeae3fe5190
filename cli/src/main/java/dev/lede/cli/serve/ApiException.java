package dev.lede.cli.serve;

import dev.lede.cli.ExitCodes;

/**
 * A request the server answers with an error: the HTTP status, and the exit code the command line
 * gives for the same mistake ({@code code} in the body), so a script reads one contract.
 */
final class ApiException extends RuntimeException {
  final int status;
  final int code;
  /** Where in the query a syntax error is, or -1. */
  final int position;

  ApiException(int status, int code, String message) {
    this(status, code, message, -1);
  }

  ApiException(int status, int code, String message, int position) {
    super(message, null, false, false); // a message for the client; a stack trace would be no use to anyone
    this.status = status;
    this.code = code;
    this.position = position;
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, ExitCodes.USAGE, message);
  }

  static ApiException notFound(String message) {
    return new ApiException(404, ExitCodes.NOTHING_FOUND, message);
  }
}
