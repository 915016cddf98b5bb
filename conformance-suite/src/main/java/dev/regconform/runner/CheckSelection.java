package dev.regconform.runner;

import dev.regconform.junit.CheckIds;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Keeps only the checks whose id matches one of the patterns of {@code --check} ({@value #PARAMETER}): globs where
 * {@code *} stands for any characters, e.g. {@code robustness.*} or {@code pull.by-digest.*[oci]}. Classes left
 * without a check do not run (no set-up, no pushes).
 *
 * <pre>{@code
 * CheckSelection.of("robustness.*,push.blob.monolithic*")   // two patterns
 * }</pre>
 */
public final class CheckSelection implements PostDiscoveryFilter {
  /** Configuration parameter: the patterns, separated by commas. */
  public static final String PARAMETER = "regconform.checks";

  private final List<Pattern> patterns;
  private final String text;

  private CheckSelection(List<String> globs) {
    this.patterns = globs.stream().map(CheckSelection::regex).toList();
    this.text = String.join(",", globs);
  }

  /**
   * The selection of a comma-separated pattern list.
   *
   * @throws IllegalArgumentException when the list holds no pattern, or a pattern has a character no check id has
   */
  public static CheckSelection of(String commaSeparated) {
    List<String> globs = Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (globs.isEmpty()) {
      throw new IllegalArgumentException("--check needs a pattern such as 'robustness.*', was '" + commaSeparated + "'");
    }
    for (String glob : globs) {
      if (!glob.matches("[a-z0-9.*\\[\\]_-]+")) {
        throw new IllegalArgumentException("--check pattern '" + glob + "' has a character no check id has "
            + "(ids are lower case letters, digits, '.', '-', '_' and a [format] suffix; '*' matches any)");
      }
    }
    return new CheckSelection(globs);
  }

  /** Whether {@code checkId} matches one of the patterns. */
  public boolean selects(String checkId) {
    return patterns.stream().anyMatch(p -> p.matcher(checkId).matches());
  }

  @Override
  public FilterResult apply(TestDescriptor descriptor) {
    if (!descriptor.isTest()) {
      return FilterResult.included("a container");
    }
    Optional<String> id = descriptor.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
        .flatMap(m -> CheckIds.of(m.getJavaClass(), m.getJavaMethod()));
    return id.map(i -> FilterResult.includedIf(selects(i), () -> i + " matches " + text,
        () -> i + " matches none of " + text)).orElse(FilterResult.excluded("not a check"));
  }

  /** The patterns as given, comma-separated (the form {@link #of} reads). */
  @Override
  public String toString() {
    return text;
  }

  private static Pattern regex(String glob) {
    return Pattern.compile(Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")));
  }
}
