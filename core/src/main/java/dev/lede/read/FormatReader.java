package dev.lede.read;

import java.io.IOException;
import java.io.InputStream;

/**
 * One input format. A reader gets an open, buffered, already decompressed stream and reports every
 * article and every bad record to the sink. It throws only for I/O failures of the stream itself
 * (which the caller turns into one rejection at the last good position it knows of).
 */
interface FormatReader {
  void read(InputStream in, Sink.FileSink sink) throws IOException;
}
