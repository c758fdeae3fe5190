package dev.lede.read;

/** A record that cannot become an article; the message is the rejection's reason. Never leaves this package. */
final class RecordException extends Exception {
  RecordException(String reason) {
    super(reason, null, false, false);
  }
}
