package dev.regconform.model;

/** Thrown when bytes are not a manifest of a known format; the message says why. */
public class ManifestFormatException extends IllegalArgumentException {
  public ManifestFormatException(String message) {
    super(message);
  }

  public ManifestFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
