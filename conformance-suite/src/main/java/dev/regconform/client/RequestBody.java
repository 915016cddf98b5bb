package dev.regconform.client;

import java.nio.file.Path;

/** A request body: bytes in memory or a file streamed from disk. */
record RequestBody(byte[] bytes, Path file) {
static final RequestBody EMPTY = new RequestBody(new byte[0], null);

  static RequestBody of(byte[] bytes) {
    return new RequestBody(bytes, null);
  }

  static RequestBody of(Path file) {
    return new RequestBody(null, file);
  }

  /** The body as the reports show it: a file is named, never read here. */
  RecordedExchange.Body recorded() {
    return file != null ? new RecordedExchange.Body.FromFile(file) : new RecordedExchange.Body.Bytes(bytes);
  }
}
