package dev.regconform.junit;

import org.opentest4j.TestAbortedException;

/**
 * The registry answered that an optional feature is not offered (405, {@code UNSUPPORTED}, or the fallback
 * the spec documents): the check is reported as unsupported, with the registry's answer as reason.
 */
public class FeatureUnsupportedException extends TestAbortedException {
  public FeatureUnsupportedException(String message) {
    super(message);
  }
}
