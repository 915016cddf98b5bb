package dev.regconform.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.regconform.reports.baseline.Baseline;
import dev.regconform.reports.baseline.BaselineEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What {@link GitHubActionsRecipeIT} and {@link GitLabCiRecipeIT} share: the working tree whose {@code docs/ci/}
 * recipes they run, the checks they select, how a recipe's shell is run, and the assertions on what it leaves.
 *
 * <p>Only what this machine cannot do is substituted in a recipe: the registry service is a native Distribution on a
 * free 127.0.0.1 port ({@code REGISTRY_URL}), the checkout of regconform is this working tree, already built
 * ({@code REGCONFORM_DIR}), and {@code REGCONFORM_ARGS} selects three checks to keep the runs short.
 */
final class CiRecipes {
  /** Checks Distribution 2.8.2 fails (expected-verdicts/distribution/discovery.txt); the second is left out later. */
  static final String KNOWN = "tags.list.order";
  static final String LEFT_OUT = "tags.page.n-zero";
  /** A check Distribution passes. */
  static final String PASSING = "api.base.version-check";
  static final String SELECTION = "--check " + KNOWN + " --check " + LEFT_OUT + " --check " + PASSING;
  /** The port the placeholder image registry:2 listens on. */
  static final int REGISTRY_IMAGE_PORT = 5000;
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final Pattern ENV_EXPRESSION = Pattern.compile("\\$\\{\\{\\s*env\\.([A-Z_]+)\\s*}}");
  /** {@code $NAME} or {@code ${NAME}}. */
  private static final Pattern VARIABLE =
      Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))");

  /** The working tree: the directory that holds the {@code regconform} launcher and {@code docs/ci/}. */
  static final Path TREE = locateTree();

  private CiRecipes() {}

  private static Path locateTree() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isExecutable(dir.resolve("regconform")) && Files.isDirectory(dir.resolve("docs/ci"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no regconform launcher with docs/ci/ above " + Path.of("").toAbsolutePath());
  }

  /**
   * The launcher rebuilds the toolkit (minutes) when a POM or a main source is newer than its jar; the recipes must
   * run the build Maven just made, so this fails rather than let them rebuild.
   */
  static void assertTheLauncherWillNotRebuild() throws IOException {
    Path jar = TREE.resolve("conformance-suite/target/regconform.jar");
    assertThat(jar).as("the toolkit's jar (mvn package makes it)").isRegularFile();
    assertThat(TREE.resolve("conformance-suite/target/lib")).isDirectory();
    assertThat(TREE.resolve("conformance-suite/target/allure")).isDirectory();
    FileTime built = Files.getLastModifiedTime(jar);
    try (Stream<Path> files = Files.walk(TREE)) {
      List<Path> newer = files.filter(p -> !p.startsWith(TREE.resolve(".git")))
          .filter(p -> p.getFileName().toString().equals("pom.xml") || p.toString().contains("/src/main/"))
          .filter(p -> modified(p).compareTo(built) > 0).limit(5).toList();
      assertThat(newer).as("files newer than %s: the launcher would rebuild the toolkit; run mvn package first", jar)
          .isEmpty();
    }
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(String recipe) {
    try {
      return YAML.readTree(TREE.resolve("docs/ci").resolve(recipe).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code $NAME} and {@code ${NAME}} replaced by the value in {@code vars}, or by nothing (as a shell would). */
  static String expand(String value, Map<String, String> vars) {
    Matcher m = VARIABLE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = Optional.ofNullable(m.group(1)).orElse(m.group(2));
      m.appendReplacement(out, Matcher.quoteReplacement(vars.getOrDefault(name, "")));
    }
    return m.appendTail(out).toString();
  }

  static void assertRecorded(Path file, String targetName) {
    assertThat(file).as("the recorded baseline").isRegularFile();
    Baseline baseline = Baseline.read(file);
    assertThat(baseline.targets()).as("targets of %s", file).containsExactly(targetName);
    assertThat(baseline.entries()).extracting(BaselineEntry::check).as("entries of %s", file)
        .containsExactlyInAnyOrder(KNOWN, LEFT_OUT);
  }

  /**
   * A copy of the baseline {@code recorded} without the entry of {@code check} (its {@code - check:} line and the lines
   * indented under it), as {@code edited} next to it.
   */
  static Path withoutEntry(Path recorded, String check, String edited) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(recorded, StandardCharsets.UTF_8));
    int at = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().replace("\"", "").equals("- check: " + check)) {
        at = i;
      }
    }
    assertThat(at).as("the entry of %s in%n%s", check, String.join("\n", lines)).isNotNegative();
    String indent = lines.get(at).substring(0, lines.get(at).indexOf('-')) + "  ";
    lines.remove(at);
    while (at < lines.size() && lines.get(at).startsWith(indent)) {
      lines.remove(at);
    }
    Path file = Files.write(recorded.resolveSibling(edited), lines, StandardCharsets.UTF_8);
    assertThat(Baseline.read(file).entries()).extracting(BaselineEntry::check).doesNotContain(check).isNotEmpty();
    return file;
  }

  /** Exit 0, each failure listed as known, none new. */
  static void assertKnown(Shell run) {
    assertThat(run.exitCode()).as("the job's exit status; output:%n%s", run.output()).isZero();
    assertThat(run.output()).contains("known (baseline): " + KNOWN + " (failed)")
        .contains("known (baseline): " + LEFT_OUT + " (failed)")
        .contains(": 0 new failures, 2 known, 0 fixed, 0 stale");
    assertThat(run.output().lines()).noneMatch(l -> l.startsWith("new failure"));
  }

  static void assertNewFailure(Shell run, String check) {
    assertThat(run.exitCode()).as("the job's exit status; output:%n%s", run.output()).isEqualTo(1);
    assertThat(run.output().lines().filter(l -> l.startsWith("new failure (not in the baseline): ")))
        .as("the new failures; output:%n%s", run.output())
        .singleElement()
        .satisfies(l -> assertThat(l).startsWith("new failure (not in the baseline): " + check + " (failed)"));
    assertThat(run.output()).contains("known (baseline): " + KNOWN + " (failed)");
  }

  static void assertJunit(String targetName, Path junit) throws IOException {
    assertThat(junit).as("junit.xml where the recipe publishes it").isRegularFile();
    assertThat(Files.readString(junit)).contains("<testsuite name=\"" + targetName + "\"")
        .contains("name=\"" + KNOWN + ": ").contains("name=\"" + LEFT_OUT + ": ").contains("name=\"" + PASSING + ": ")
        .contains("<failure");
  }

  static void assertReports(Path dir) {
    assertThat(dir.resolve("conformance-matrix.html")).as("the HTML matrix in the uploaded directory").isRegularFile()
        .content().contains(LEFT_OUT);
    assertThat(dir.resolve("allure-report/index.html")).as("the Allure report in the uploaded directory")
        .isRegularFile().isNotEmptyFile();
    assertThat(dir.resolve("summary.json")).isRegularFile();
  }

  /** What one shell script printed (stdout and stderr, interleaved) and its exit status. */
  record Shell(int exitCode, String output) {
    /** Runs {@code script} as a CI runner does: bash without profile, {@code -eo pipefail}, in {@code cwd}. */
    static Shell run(String script, Map<String, String> env, Path cwd) {
      try {
        Path file = Files.createTempFile("ci-step-", ".sh");
        try {
          Files.writeString(file, script);
          ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail",
              file.toString()).directory(cwd.toFile()).redirectErrorStream(true);
          builder.environment().putAll(env);
          Process process = builder.start();
          process.getOutputStream().close();
          byte[] out = process.getInputStream().readAllBytes();
          assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("the script ended within 3 minutes").isTrue();
          String output = new String(out, StandardCharsets.UTF_8);
          assertThat(output).as("the launcher used the build Maven made").doesNotContain("building the toolkit");
          return new Shell(process.exitValue(), output);
        } finally {
          Files.deleteIfExists(file);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** One run of a recipe's job: whether it records the baseline, the extra regconform options, the baseline (or null). */
  @FunctionalInterface
  interface Job {
    Shell run(boolean writeBaseline, String regconformArgs, String baseline);
  }

  /**
   * The three runs every recipe test looks at, each made once and in order: recording the baseline, the gate with it,
   * and the gate with a baseline that lacks {@link #LEFT_OUT}.
   */
  static final class Runs {
    private final Job job;
    private final java.util.function.Supplier<Path> baseline;
    private final Path project;
    private Shell recording;
    private Shell gated;
    private Shell missingEntry;

    /**
     * @param job runs the recipe's job
     * @param baseline where the recipe keeps its baseline
     * @param project the directory the job runs in
     */
    Runs(Job job, java.util.function.Supplier<Path> baseline, Path project) {
      this.job = job;
      this.baseline = baseline;
      this.project = project;
    }

    Shell recording() {
      if (recording == null) {
        recording = job.run(true, SELECTION, null);
      }
      return recording;
    }

    Shell gated() {
      recording();
      if (gated == null) {
        gated = job.run(false, SELECTION + " --no-html", null);
      }
      return gated;
    }

    Shell missingEntry() throws IOException {
      gated();
      if (missingEntry == null) {
        Path edited = withoutEntry(baseline.get(), LEFT_OUT, "edited-baseline.yaml");
        missingEntry = job.run(false, SELECTION, project.relativize(edited).toString());
      }
      return missingEntry;
    }
  }
}
