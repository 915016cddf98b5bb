package dev.regconform.bench;

/** The registry did not do what the benchmark needs: it refused a step, or served other bytes than were pushed. */
public class BlobBenchException extends RuntimeException {
  public BlobBenchException(String message) {
    super(message);
  }

  public BlobBenchException(String message, Throwable cause) {
    super(message, cause);
  }
}
