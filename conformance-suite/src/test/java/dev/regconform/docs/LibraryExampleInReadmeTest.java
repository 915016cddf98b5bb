package dev.regconform.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's section on the toolkit as a library shows the example module's code as it is: every region the example
 * marks with {@code tag::NAME[]} … {@code end::NAME[]} appears in README.md verbatim (without its common indentation), so
 * the snippet a user copies is the one the build compiles and runs.
 */
class LibraryExampleInReadmeTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path EXAMPLE = ROOT.resolve("examples/registry-project");

  static Stream<Arguments> regions() {
    return Stream.of(
        Arguments.of("pom.xml", "dependency"),
        Arguments.of("pom.xml", "failsafe"),
        Arguments.of("src/test/java/com/example/registry/StartedRegistry.java", "provider"),
        Arguments.of("src/test/java/com/example/registry/RegistryConformanceIT.java", "suite"));
  }

  @ParameterizedTest(name = "{1} of {0}")
  @MethodSource("regions")
  void the_readme_shows_the_example_region_verbatim(String file, String tag) throws IOException {
    String region = region(Files.readAllLines(EXAMPLE.resolve(file)), tag);
    String readme = Files.readString(ROOT.resolve("README.md"));

    assertThat(region).as("region %s of %s", tag, file).isNotBlank();
    assertThat(readme).as("README.md, which must show region '%s' of examples/registry-project/%s as it is", tag, file)
        .contains(region);
  }

  /** The lines between the tag's markers, without their common indentation. */
  private static String region(List<String> lines, String tag) {
    List<String> inside = new ArrayList<>();
    boolean in = false;
    for (String line : lines) {
      if (line.contains("tag::" + tag + "[]") && !line.contains("end::")) {
        in = true;
      } else if (line.contains("end::" + tag + "[]")) {
        in = false;
      } else if (in) {
        inside.add(line);
      }
    }
    int indent = inside.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
        .min().orElse(0);
    return String.join("\n", inside.stream().map(l -> l.length() >= indent ? l.substring(indent) : l).toList()) + "\n";
  }
}
