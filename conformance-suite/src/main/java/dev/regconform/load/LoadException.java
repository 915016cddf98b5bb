package dev.regconform.load;

/** The load run cannot start: the registry refused to take the seed images. */
public class LoadException extends RuntimeException {
  public LoadException(String message) {
    super(message);
  }
}
