package com.example.registry;

import dev.regconform.embedded.EmbeddedArtipieRegistry;
import dev.regconform.junit.RegistryUnderTest;
import dev.regconform.target.RegistryTarget;

// tag::provider[]
/** The registry this project builds, started by its own test code for the conformance run. */
public final class StartedRegistry implements RegistryUnderTest {
  private EmbeddedArtipieRegistry server;

  @Override
  public RegistryTarget start() {
    server = EmbeddedArtipieRegistry.start(); // your server here, on a free port of 127.0.0.1
    return RegistryTarget.at(server.baseUri().toString())
        .withDescription("example registry (Artipie docker-adapter)");
  }

  @Override
  public void stop() {
    server.close();
  }
}
// end::provider[]
