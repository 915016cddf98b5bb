package dev.regconform.scenarios;

import dev.regconform.client.RegistryClient;
import dev.regconform.junit.RegistryConformance;
import dev.regconform.junit.Scenario;
import org.junit.jupiter.api.BeforeAll;

/**
 * What most scenario classes start from: the {@link Scenario} of the class, its client and its own repository,
 * set before any of the class's own {@code @BeforeAll} methods run.
 */
@RegistryConformance
public abstract class ScenarioSupport {
  /** The scenario of this class: repositories, test images, cleanup. */
  protected Scenario scenario;
  /** The client for the registry under test. */
  protected RegistryClient registry;
  /** This class's repository ({@link Scenario#repository()}). */
  protected String repo;

  @BeforeAll
  protected final void connect(Scenario scenario) {
    this.scenario = scenario;
    this.registry = scenario.client();
    this.repo = scenario.repository();
  }
}
