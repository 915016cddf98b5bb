package dev.regconform.model;

/** Thrown when bytes are not a manifest of a known format; the message says why. */
public class ManifestFormatException extends IllegalArgumentException {
  /**
   * An exception without a cause: the document parsed, but is not a manifest.
   *
   * @param message what is wrong, e.g. "Image manifest has no config descriptor"
   */
  public ManifestFormatException(String message) {
    super(message);
  }

  /**
   * An exception for bytes that are not readable JSON of the expected shape.
   *
   * @param message what is wrong, with the JSON path of the failing field where there is one
   * @param cause the parser's exception
   */
  public ManifestFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
