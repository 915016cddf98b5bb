package dev.regconform.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regconform.fixtures.distribution.DistributionProcess;
import dev.regconform.reports.CheckResult;
import dev.regconform.reports.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The toolkit's container image, as a user runs it: the image the build made ({@code target/jib-image.tar}, Jib, when
 * {@code REGCONFORM_IMAGE_BASE} names a Java 17 base) is loaded into the local engine and run with
 * {@code docker run --rm --network host -v DIR:/report IMAGE run --target URL --report-dir /report} against a native
 * Distribution. Skipped, saying why, where the build made no image or no docker engine answers.
 */
class ToolkitImageIT {
  private static final Path TAR = Path.of(System.getProperty("regconform.image.tar", "target/jib-image.tar"));
  private static final Path JAR = Path.of(System.getProperty("regconform.jar", "target/regconform.jar"));
  private static final String IMAGE = System.getProperty("regconform.image", "regconform/toolkit:0.1.0-SNAPSHOT");
  /** Checks that need the docker CLI or skopeo, which the image does not ship: they are skipped in it. */
  private static final Predicate<String> NEEDS_DOCKER_OR_SKOPEO = id -> id.startsWith("clients.docker.")
      || id.startsWith("clients.skopeo.") || id.equals("clients.interop.from-docker")
      || id.equals("clients.interop.from-skopeo");

  @BeforeAll
  static void load_the_image() throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(TAR), "no image tarball " + TAR + ": the build makes it only when"
        + " REGCONFORM_IMAGE_BASE names a Java 17 base (e.g. docker://local/regconform-java:17, built by"
        + " fixtures/docker/java/build-local-image.sh)");
    Assumptions.assumeTrue(!Files.exists(JAR)
            || !Files.getLastModifiedTime(TAR).toInstant().isBefore(Files.getLastModifiedTime(JAR).toInstant()),
        "the image tarball " + TAR + " is older than " + JAR + " (left by an earlier build made with"
            + " REGCONFORM_IMAGE_BASE): not the toolkit this build made");
    Docker load = docker(Map.of(), null, "load", "-i", TAR.toString());
    assertThat(load.exitCode).as("docker load -i %s:%n%s%s", TAR, load.out, load.err).isZero();
    assertThat(load.out).as("docker load output").contains(IMAGE);
  }

  @Test
  void a_run_in_the_image_writes_its_reports_into_the_mounted_directory_with_the_verdicts_of_distribution(
      @TempDir Path reportDir) throws Exception {
    makeWritableForTheImagesUser(reportDir);
    Optional<Path> binary = DistributionProcess.findBinary();
    Assumptions.assumeTrue(binary.isPresent(), "no registry / docker-registry binary (apt-get install docker-registry)");
    Docker run;
    String target;
    try (DistributionProcess registry = DistributionProcess.start(binary.get())) {
      target = registry.baseUri().toString();
      run = docker(Map.of(), null, "run", "--rm", "--network", "host", "-v", reportDir + ":/report", IMAGE,
          "run", "--target", target, "--report-dir", "/report");
    }

    JsonNode summary = new ObjectMapper().readTree(reportDir.resolve("summary.json").toFile());
    List<CheckResult> checks = RunCommandIT.checksOf(summary);
    int total = summary.at("/counts/total").asInt();
    assertThat(total).isGreaterThanOrEqualTo(Checks.MINIMUM_COUNT).isEqualTo(checks.size());
    // Every check but the docker and skopeo ones gets the verdict it gets from the toolkit on the host ...
    assertThat(ExpectedVerdicts.load("distribution").differences(checks, NEEDS_DOCKER_OR_SKOPEO.negate()))
        .as("verdicts that differ from expected-verdicts/distribution; output:%n%s%s", run.out, run.err).isEmpty();
    // ... and those are skipped, naming the missing client; Jib runs in the toolkit's JVM, so its checks do run.
    assertThat(checks).filteredOn(c -> NEEDS_DOCKER_OR_SKOPEO.test(c.id())).hasSizeGreaterThanOrEqualTo(15)
        .allSatisfy(c -> assertThat(c.outcome()).as("%s: %s", c.id(), c.message()).isEqualTo(Outcome.SKIPPED))
        .allSatisfy(c -> assertThat(c.message()).as(c.id())
            .startsWith("Client not available, the check did not run: ")
            .containsAnyOf("docker client or engine not available", "skopeo not available"));
    assertThat(checks).filteredOn(c -> c.id().startsWith("clients.jib.")).isNotEmpty()
        .allSatisfy(c -> assertThat(c.outcome()).as("%s: %s", c.id(), c.message()).isEqualTo(Outcome.PASSED));

    boolean anyFailed = checks.stream().anyMatch(c -> c.outcome() == Outcome.FAILED);
    assertThat(run.exitCode).as("exit status (1 when a MUST failed); output:%n%s%s", run.out, run.err)
        .isEqualTo(anyFailed ? 1 : 0);
    String[] lines = run.out.strip().split("\n");
    assertThat(lines[lines.length - 1]).as("the console's last line").isEqualTo(summary.at("/counts/passed").asInt()
        + " passed, " + summary.at("/counts/failed").asInt() + " failed, " + summary.at("/counts/skipped").asInt()
        + " skipped");
    assertThat(summary.at("/targets/0/target").asText()).isEqualTo(target);

    Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(reportDir.resolve("junit.xml").toFile());
    assertThat(junit.getElementsByTagName("testcase").getLength()).as("junit.xml test cases").isEqualTo(total);
    assertThat(junit.getElementsByTagName("failure").getLength()).as("junit.xml failures")
        .isEqualTo(summary.at("/counts/by_failed").asInt());
    assertThat(junit.getElementsByTagName("skipped").getLength()).as("junit.xml skipped")
        .isEqualTo(summary.at("/counts/skipped").asInt());
    // The Allure command line ships in the image: the HTML report is there, and it holds the run's checks.
    assertThat(reportDir.resolve("allure-report/index.html")).as("the HTML report").isRegularFile();
    assertThat(Files.size(reportDir.resolve("allure-report/index.html"))).isGreaterThan(100_000L);
    assertThat(run.err).as("stderr").doesNotContain("WARNING: the HTML report");
    if (runsAsRoot(reportDir)) {
      assertThat(Files.getAttribute(reportDir.resolve("summary.json"), "unix:uid"))
          .as("owner of the files the image wrote (its user is not root)").isEqualTo(1000);
    }
  }

  @Test
  void version_names_the_toolkits_version_and_the_java_17_runtime_of_the_image() throws Exception {
    Docker run = docker(Map.of(), null, "run", "--rm", IMAGE, "--version");

    assertThat(run.exitCode).as("exit status; output:%n%s%s", run.out, run.err).isZero();
    assertThat(run.out.lines().toList()).as("--version")
        .first().isEqualTo("regconform " + IMAGE.substring(IMAGE.lastIndexOf(':') + 1));
    assertThat(run.out).contains("Java 17.");
  }

  /**
   * Credentials for a Distribution with htpasswd: through {@code -e OCI_USERNAME -e OCI_PASSWORD} (docker takes the
   * values from its own environment, so the password is on no command line) and through {@code docker run -i} with
   * {@code --password-stdin}. Only the auth checks run. The password is a random string: any appearance is a leak.
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class With_credentials_for_a_registry_that_requires_them {
    private static final String USER = "regconform-user";
    private final String password = "s3cret-" + UUID.randomUUID();
    private final String basicForm =
        Base64.getEncoder().encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
    private DistributionProcess registry;

    @BeforeAll
    void start_registry() {
      Optional<Path> binary = DistributionProcess.findBinary();
      Assumptions.assumeTrue(binary.isPresent(), "no registry / docker-registry binary (apt-get install docker-registry)");
      registry = DistributionProcess.builder(binary.get()).htpasswd(USER, password).start();
    }

    @AfterAll
    void stop_registry() {
      if (registry != null) {
        registry.close();
      }
    }

    @Test
    void from_the_environment_the_auth_checks_get_the_verdicts_of_the_htpasswd_reference(@TempDir Path reportDir)
        throws Exception {
      makeWritableForTheImagesUser(reportDir);
      Docker run = docker(Map.of("OCI_USERNAME", USER, "OCI_PASSWORD", password), null, "run", "--rm", "--network",
          "host", "-e", "OCI_USERNAME", "-e", "OCI_PASSWORD", "-v", reportDir + ":/report", IMAGE,
          "run", "--target", registry.baseUri().toString(), "--check", "auth.*", "--no-html", "--report-dir", "/report");

      assertAuthVerdictsAndNoLeak(run, reportDir);
    }

    @Test
    void on_standard_input_the_auth_checks_get_the_verdicts_of_the_htpasswd_reference(@TempDir Path reportDir)
        throws Exception {
      makeWritableForTheImagesUser(reportDir);
      Docker run = docker(Map.of(), password + "\n", "run", "--rm", "-i", "--network", "host", "-v",
          reportDir + ":/report", IMAGE, "run", "--target", registry.baseUri().toString(), "--username", USER,
          "--password-stdin", "--check", "auth.*", "--no-html", "--report-dir", "/report");

      assertAuthVerdictsAndNoLeak(run, reportDir);
    }

    private void assertAuthVerdictsAndNoLeak(Docker run, Path reportDir) throws IOException {
      JsonNode summary = new ObjectMapper().readTree(reportDir.resolve("summary.json").toFile());
      List<CheckResult> checks = RunCommandIT.checksOf(summary);
      assertThat(checks).as("checks run; output:%n%s%s", run.out, run.err).hasSizeGreaterThanOrEqualTo(20)
          .allSatisfy(c -> assertThat(c.id()).startsWith("auth."));
      assertThat(checks).filteredOn(c -> c.outcome() == Outcome.PASSED).extracting(CheckResult::id)
          .as("checks that logged in").contains("auth.login.docker-flow");
      assertThat(ExpectedVerdicts.load("distribution-htpasswd").differences(checks, id -> id.startsWith("auth.")))
          .as("verdicts that differ from expected-verdicts/distribution-htpasswd; output:%n%s%s", run.out, run.err)
          .isEmpty();
      assertThat(run.exitCode).as("exit status; output:%n%s%s", run.out, run.err)
          .isEqualTo(summary.at("/counts/by_failed").asInt() > 0 ? 1 : 0);
      assertThat(run.out).as("stdout").doesNotContain(password).doesNotContain(basicForm);
      assertThat(run.err).as("stderr").doesNotContain(password).doesNotContain(basicForm);
      try (Stream<Path> files = Files.walk(reportDir)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as("%s", file)
              .doesNotContain(password).doesNotContain(basicForm);
        }
      }
    }
  }

  /** The image runs as uid 1000: a directory the test JVM's user made must let it write. */
  private static void makeWritableForTheImagesUser(Path dir) throws IOException {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
  }

  private static boolean runsAsRoot(Path dir) throws IOException {
    return Integer.valueOf(0).equals(Files.getAttribute(dir, "unix:uid"));
  }

  private record Docker(int exitCode, String out, String err) {}

  /** {@code docker ARGS}, with {@code env} added to its environment and {@code stdin} (or nothing) as its input. */
  private static Docker docker(Map<String, String> env, String stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add("docker");
    command.addAll(List.of(args));
    Path out = Files.createTempFile("regconform-image-it-", ".out");
    Path err = Files.createTempFile("regconform-image-it-", ".err");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().putAll(env);
      Process process;
      try {
        process = builder.start();
      } catch (IOException noDocker) {
        Assumptions.abort("no docker CLI: " + noDocker.getMessage());
        throw noDocker;
      }
      try (var in = process.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("docker " + String.join(" ", args) + " took more than 10 minutes");
      }
      return new Docker(process.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
