package dev.lede;

/** Input that cannot be read at all (as opposed to one bad record, which is a rejection and does not stop a run). */
public class BadInputException extends LedeException {
  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
