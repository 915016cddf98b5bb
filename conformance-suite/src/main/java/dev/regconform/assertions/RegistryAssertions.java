package dev.regconform.assertions;

import dev.regconform.client.RegistryResponse;
import org.assertj.core.api.Assertions;

/** One static import for AssertJ and the registry assertions: {@code import static …RegistryAssertions.*}. */
public class RegistryAssertions extends Assertions {
  /** Only for subclasses that add assertions of their own to the same static import; never instantiated. */
  protected RegistryAssertions() {}

  /**
   * Starts the assertions on one registry exchange.
   *
   * @param actual a response from {@link dev.regconform.client.RegistryClient}, with the request that caused it
   * @return the assertion, whose failures show the whole exchange
   */
  public static RegistryResponseAssert assertThat(RegistryResponse actual) {
    return new RegistryResponseAssert(actual);
  }
}
