package dev.regconform.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.target.RunOptions;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The scenarios run the same way in another project's build ({@code @RegistryConformanceSuite}, whose settings are
 * {@code dev/regconform/junit/suite.properties}) as under {@code regconform run} ({@link SuiteRunner}).
 */
class SuitePropertiesTest {
  @Test
  void the_library_suite_runs_classes_as_the_command_line_does_by_default() throws IOException {
    Properties suite = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/dev/regconform/junit/suite.properties")) {
      assertThat(in).as("suite.properties on the class path").isNotNull();
      suite.load(in);
    }

    Map<String, String> commandLine = SuiteRunner.concurrency(RunOptions.DEFAULT_THREADS);
    assertThat(suite).as("suite.properties").containsAllEntriesOf(commandLine);
    assertThat(suite.getProperty("junit.jupiter.execution.timeout.default"))
        .isEqualTo(RunOptions.defaults().checkTimeout().toMinutes() + " m");
    assertThat(suite.getProperty("junit.jupiter.testclass.order.default"))
        .isEqualTo(dev.regconform.junit.LongRunningFirst.class.getName());
  }
}
