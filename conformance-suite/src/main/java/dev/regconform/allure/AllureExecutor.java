package dev.regconform.allure;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Allure's {@code executor.json}: who ran the checks ({@code regconform}), which run it was (the build name: the run
 * id, i.e. the {@code run-<time>-<random>} segment of the run's namespaces) and where its HTML report is. Allure shows it
 * in the Executors widget and numbers the history trend by {@code buildOrder}.
 *
 * <pre>{@code
 * AllureExecutor.write(results, new AllureExecutor.Executor("run-20261126-101500-3f2a", 2,
 *     reportDir.resolve("allure-report/index.html").toUri().toString()));
 * }</pre>
 */
public final class AllureExecutor {
  public static final String FILE = "executor.json";
  public static final String NAME = "regconform";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * The file's content.
   *
   * @param name always {@value #NAME}
   * @param type always {@value #NAME} (Allure shows a known CI's icon for its type, a plain one for ours)
   * @param buildName the run id
   * @param buildOrder which run this is in the report directory: 1, 2, … (the history trend's x axis)
   * @param reportName the report's title
   * @param reportUrl the HTML report's {@code file:} URL; null when none is generated
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Executor(String name, String type, String buildName, long buildOrder, String reportName,
      String reportUrl) {
    /** {@value #NAME}'s executor for a run. */
    public Executor(String buildName, long buildOrder, String reportUrl) {
      this(NAME, NAME, buildName, buildOrder, "regconform conformance report", reportUrl);
    }
  }

  private AllureExecutor() {}

  /** Writes {@value #FILE} into the results directory. */
  public static void write(Path allureResults, Executor executor) throws IOException {
    JSON.writeValue(allureResults.resolve(FILE).toFile(), executor);
  }
}
