package dev.regconform.allure;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.regconform.junit.FeatureUnsupportedException;
import dev.regconform.junit.NotConfiguredException;
import dev.regconform.junit.RecommendationNotMetError;
import dev.regconform.reports.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Allure's {@code categories.json}: one category per outcome of a check, so the report's Categories tab says what the
 * console says. Allure knows only the statuses passed, failed, broken and skipped; the outcomes map onto them (a
 * warning is an assertion that failed, so {@code failed}; unsupported, disabled and skipped are {@code skipped}), and the
 * categories tell them apart by the exception that ended the check, which Allure keeps as the first line of the trace,
 * or by the message a configuration condition gives:
 * <table>
 *   <caption>Outcome, Allure status, category</caption>
 *   <tr><th>Outcome</th><th>Status</th><th>Category</th><th>Matched by</th></tr>
 *   <tr><td>failed</td><td>failed</td><td>{@value #SPEC_VIOLATION}</td><td>any trace but a warning's</td></tr>
 *   <tr><td>warning</td><td>failed</td><td>{@value #WARNING}</td><td>{@link RecommendationNotMetError}</td></tr>
 *   <tr><td>broken</td><td>broken</td><td>{@value #BROKEN}</td><td>the status</td></tr>
 *   <tr><td>unsupported</td><td>skipped</td><td>{@value #UNSUPPORTED}</td><td>{@link FeatureUnsupportedException}</td></tr>
 *   <tr><td>disabled</td><td>skipped</td><td>{@value #DISABLED}</td><td>{@link NotConfiguredException}, or the message
 *       {@code disabled by configuration: …} of a condition (which leaves no trace)</td></tr>
 *   <tr><td>skipped</td><td>skipped</td><td>{@value #SKIPPED}</td><td>any other abort</td></tr>
 * </table>
 * The rules of different categories exclude each other, so every check is in exactly one category (Allure groups by
 * name, so the two rules of {@value #DISABLED} make one category). A passed check is in none.
 *
 * <pre>{@code
 * AllureCategories.write(reportDir.resolve("allure-results"));
 * }</pre>
 */
public final class AllureCategories {
  public static final String FILE = "categories.json";
  public static final String SPEC_VIOLATION = "Spec violation: a MUST not met";
  public static final String WARNING = "Warning: a SHOULD or MAY not met";
  public static final String BROKEN = "Broken: harness or registry error";
  public static final String UNSUPPORTED = "Unsupported by the registry";
  public static final String DISABLED = "Disabled by configuration";
  public static final String SKIPPED = "Skipped: did not run";

  /** What every disabled check's message starts with (conditions and {@link NotConfiguredException}). */
  static final String DISABLED_PREFIX = "disabled by configuration: ";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One rule of {@code categories.json}; Allure matches each regex against the whole text, with DOTALL.
   *
   * @param name the category's name
   * @param matchedStatuses the Allure statuses it takes
   * @param messageRegex what the status message must match, or null
   * @param traceRegex what the trace (its first line: the exception's class and message) must match, or null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Category(String name, List<String> matchedStatuses, String messageRegex, String traceRegex) {}

  /** The rules: for each outcome but passed one, or two for disabled; in the order of the console's words. */
  public static final List<Category> CATEGORIES = List.of(
      new Category(SPEC_VIOLATION, List.of("failed"), null, "(?!" + startsWith(RecommendationNotMetError.class) + ").*"),
      new Category(WARNING, List.of("failed"), null, startsWith(RecommendationNotMetError.class) + ".*"),
      new Category(BROKEN, List.of("broken"), null, null),
      new Category(UNSUPPORTED, List.of("skipped"), null, startsWith(FeatureUnsupportedException.class) + ".*"),
      new Category(DISABLED, List.of("skipped"), Pattern.quote(DISABLED_PREFIX) + ".*", null),
      new Category(DISABLED, List.of("skipped"), null, startsWith(NotConfiguredException.class) + ".*"),
      new Category(SKIPPED, List.of("skipped"), null, "(?!" + startsWith(FeatureUnsupportedException.class) + ")"
          + "(?!" + startsWith(NotConfiguredException.class) + ")(?![\\w.$]+: " + Pattern.quote(DISABLED_PREFIX) + ").*"));

  private AllureCategories() {}

  /** Writes {@value #FILE} into the results directory. */
  public static void write(Path allureResults) throws IOException {
    JSON.writeValue(allureResults.resolve(FILE).toFile(), CATEGORIES);
  }

  /** The category a check with this outcome belongs in; empty for passed. */
  public static Optional<String> of(Outcome outcome) {
    return Optional.ofNullable(switch (outcome) {
      case PASSED -> null;
      case FAILED -> SPEC_VIOLATION;
      case WARNING -> WARNING;
      case BROKEN -> BROKEN;
      case UNSUPPORTED -> UNSUPPORTED;
      case DISABLED -> DISABLED;
      case SKIPPED -> SKIPPED;
    });
  }

  /** A trace that begins with this exception: its class name, then its message or the end of the line. */
  private static String startsWith(Class<? extends Throwable> type) {
    return Pattern.quote(type.getName()) + "(?::|\\s|$)";
  }
}
