package dev.regconform.assertions;

import dev.regconform.client.RegistryResponse;
import org.assertj.core.api.Assertions;

/** One static import for AssertJ and the registry assertions: {@code import static …RegistryAssertions.*}. */
public class RegistryAssertions extends Assertions {
  protected RegistryAssertions() {}

  public static RegistryResponseAssert assertThat(RegistryResponse actual) {
    return new RegistryResponseAssert(actual);
  }
}
