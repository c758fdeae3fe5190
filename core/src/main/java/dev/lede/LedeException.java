package dev.lede;

/**
 * The root of Lede's exceptions. All are unchecked and carry a message a user can act on; callers
 * that talk to people (the CLI) map each subclass to an exit code.
 */
public class LedeException extends RuntimeException {
  public LedeException(String message) {
    super(message);
  }

  public LedeException(String message, Throwable cause) {
    super(message, cause);
  }
}
