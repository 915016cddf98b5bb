package dev.regconform.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regconform.allure.AllureHtmlReport;
import dev.regconform.cli.RegconformCommand;
import dev.regconform.fixtures.distribution.DistributionProcess;
import dev.regconform.fixtures.support.FreePort;
import dev.regconform.reports.CheckResult;
import dev.regconform.reports.Outcome;
import dev.regconform.scenarios.auth.AuthSettings;
import dev.regconform.target.TokenAuthReference;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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

/** {@code regconform run} as a user runs it: exit status, console lines, and the three outputs. */
class RunCommandIT {
  @TempDir Path reportDir;

  @Test
  void a_run_against_distribution_gets_its_expected_verdicts_and_writes_junit_xml_summary_json_and_allure_results()
      throws Exception {
    Optional<Path> binary = DistributionProcess.findBinary();
    Assumptions.assumeTrue(binary.isPresent(), "no registry / docker-registry binary (apt-get install docker-registry)");
    try (DistributionProcess registry = DistributionProcess.start(binary.get())) {
      Captured run = run("run", "--target", registry.baseUri().toString(), "--report-dir", reportDir.toString());

      JsonNode summary = new ObjectMapper().readTree(reportDir.resolve("summary.json").toFile());
      List<CheckResult> checks = checksOf(summary);
      assertThat(ExpectedVerdicts.load("distribution").differences(checks))
          .as("verdicts that differ from expected-verdicts/distribution; output:%n%s%s", run.out, run.err).isEmpty();
      boolean anyFailed = checks.stream().anyMatch(c -> c.outcome() == Outcome.FAILED);
      assertThat(run.exitCode).as("exit status (1 when a MUST failed); output:%n%s%s", run.out, run.err)
          .isEqualTo(anyFailed ? 1 : 0);
      String[] lines = run.out.strip().split("\n");
      int total = summary.at("/counts/total").asInt();
      assertThat(total).isGreaterThanOrEqualTo(Checks.MINIMUM_COUNT).isEqualTo(checks.size());
      assertThat(lines[lines.length - 1]).isEqualTo(summary.at("/counts/passed").asInt() + " passed, "
          + summary.at("/counts/failed").asInt() + " failed, " + summary.at("/counts/skipped").asInt() + " skipped");
      assertThat(run.out).contains("PASS  pull.by-digest.manifest-bytes[oci]");
      assertThat(summary.at("/targets/0/target").asText()).isEqualTo(registry.baseUri().toString());

      Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(reportDir.resolve("junit.xml").toFile());
      assertThat(junit.getElementsByTagName("testcase").getLength()).isEqualTo(total);
      assertThat(junit.getElementsByTagName("failure").getLength()).isEqualTo(summary.at("/counts/by_failed").asInt());
      assertThat(junit.getElementsByTagName("error").getLength()).isEqualTo(summary.at("/counts/by_broken").asInt());
      assertThat(junit.getElementsByTagName("skipped").getLength()).isEqualTo(summary.at("/counts/skipped").asInt());

      try (var files = Files.list(reportDir.resolve("allure-results"))) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .contains("environment.properties")
            .anyMatch(name -> name.endsWith("-result.json"));
      }
      assertThat(reportDir.resolve("requirements.md")).exists();
      assertThat(reportDir.resolve("requirements.json")).exists();
    }
  }

  /** The checks of the first target of a summary.json, as results. */
  static List<CheckResult> checksOf(JsonNode summary) {
    List<CheckResult> checks = new ArrayList<>();
    summary.at("/targets/0/checks").forEach(c -> checks.add(new CheckResult(c.path("id").asText(),
        c.path("name").asText(), c.path("workflow").asText(), Outcome.parse(c.path("outcome").asText()),
        c.path("message").asText(), "", java.time.Duration.ofMillis(c.path("durationMillis").asLong()))));
    return checks;
  }

  @Test
  void an_unreachable_target_is_reported_in_one_line_with_exit_status_2_within_10_seconds() {
    int closedPort = FreePort.pick();
    long start = System.nanoTime();

    Captured run = run("run", "--target", "http://127.0.0.1:" + closedPort, "--report-dir", reportDir.toString());

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err.strip()).startsWith("regconform: cannot reach http://127.0.0.1:" + closedPort).doesNotContain("\n");
  }

  @Test
  void bad_arguments_exit_with_status_2() {
    assertThat(run("run", "--no-such-option").exitCode).isEqualTo(2);
    assertThat(run("run", "--target", "not a url").exitCode).isEqualTo(2);
    assertThat(run("run", "--target", "ftp://127.0.0.1:1").exitCode).isEqualTo(2);
  }

  /**
   * A Distribution that requires credentials (htpasswd, Basic), run against with the password on standard input,
   * with none, and with a wrong one. The password is a random string, so any appearance of it is a leak.
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Against_a_registry_that_requires_credentials {
    private static final String USER = "regconform-user";
    private final String password = "s3cret-" + UUID.randomUUID();
    private final String basicForm =
        Base64.getEncoder().encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
    private DistributionProcess registry;
    // Each run is made once, by the first test that looks at it, into a directory that lasts for the whole class.
    private Path credentialedReportDir;
    private Path anonymousReportDir;
    private Captured credentialedRun;
    private Captured anonymousRun;

    @BeforeAll
    void start_registry(@TempDir Path reportDirs) {
      credentialedReportDir = reportDirs.resolve("with-credentials");
      anonymousReportDir = reportDirs.resolve("without-credentials");
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

    /** {@code run --username USER --password-stdin}, once for the tests that look at it. */
    private Captured credentialedRun() {
      if (credentialedRun == null) {
        credentialedRun = runWithStdin(password + "\n", "run", "--target", registry.baseUri().toString(),
            "--username", USER, "--password-stdin", "--report-dir", credentialedReportDir.toString());
      }
      return credentialedRun;
    }

    /** {@code run} without credentials, once. */
    private Captured anonymousRun() {
      if (anonymousRun == null) {
        anonymousRun = run("run", "--target", registry.baseUri().toString(), "--report-dir",
            anonymousReportDir.toString());
      }
      return anonymousRun;
    }

    @Test
    void with_username_and_password_stdin_the_verdicts_are_those_of_the_htpasswd_reference() throws Exception {
      Captured run = credentialedRun();

      JsonNode summary = new ObjectMapper().readTree(credentialedReportDir.resolve("summary.json").toFile());
      int total = summary.at("/counts/total").asInt();
      assertThat(total).isGreaterThanOrEqualTo(Checks.MINIMUM_COUNT);
      assertThat(ExpectedVerdicts.load("distribution-htpasswd").differences(checksOf(summary)))
          .as("verdicts with credentials that differ from expected-verdicts/distribution-htpasswd; output:%n%s%s",
              run.out, run.err).isEmpty();
      assertThat(run.exitCode).as("exit status; output:%n%s%s", run.out, run.err)
          .isEqualTo(summary.at("/counts/by_failed").asInt() > 0 ? 1 : 0);

      anonymousRun();
      JsonNode anonymous = new ObjectMapper().readTree(anonymousReportDir.resolve("summary.json").toFile());
      assertThat(total).as("the same checks as the run without credentials").isEqualTo(anonymous.at("/counts/total").asInt());
    }

    @Test
    void the_password_and_its_basic_form_appear_in_no_output_and_no_report_file() throws IOException {
      Captured run = credentialedRun();
      assertThat(run.exitCode).as("exit status; output:%n%s%s", run.out, run.err).isIn(0, 1);

      assertThat(run.out).as("stdout").doesNotContain(password).doesNotContain(basicForm);
      assertThat(run.err).as("stderr").doesNotContain(password).doesNotContain(basicForm);
      List<Path> files;
      try (Stream<Path> walk = Files.walk(credentialedReportDir)) {
        files = walk.filter(Files::isRegularFile).toList();
      }
      assertThat(files).as("files under %s", credentialedReportDir)
          .contains(credentialedReportDir.resolve("junit.xml"), credentialedReportDir.resolve("summary.json"),
              credentialedReportDir.resolve("allure-results/environment.properties"))
          .anyMatch(f -> f.getFileName().toString().endsWith("-result.json"));
      assertThat(files).as("files under %s", credentialedReportDir)
          .contains(credentialedReportDir.resolve("allure-report/index.html"));
      reportTexts(credentialedReportDir).forEach((file, text) ->
          assertThat(text).as("%s", file).doesNotContain(password).doesNotContain(basicForm));
    }

    @Test
    void without_credentials_the_checks_fail_with_401_unauthorized() throws IOException {
      Captured run = anonymousRun();

      assertThat(run.exitCode).as("exit status; output:%n%s%s", run.out, run.err).isEqualTo(1);
      JsonNode summary = new ObjectMapper().readTree(anonymousReportDir.resolve("summary.json").toFile());
      int total = summary.at("/counts/total").asInt();
      assertThat(total).isGreaterThanOrEqualTo(Checks.MINIMUM_COUNT);
      // Only the checks of the unauthenticated answer itself (GET /v2/ may answer 401 with a challenge) pass, and the
      // auth checks that need credentials are disabled.
      List<CheckResult> checks = checksOf(summary);
      // The real clients' login/logout have no credentials to use (disabled), their later steps need the push (skipped).
      assertThat(checks).filteredOn(c -> c.outcome() != Outcome.FAILED)
          .filteredOn(c -> !(c.id().startsWith("clients.") && (c.outcome() == Outcome.DISABLED
              || c.outcome() == Outcome.SKIPPED)))
          .extracting(CheckResult::id)
          .as("checks that did not fail without credentials")
          .allMatch(id -> id.startsWith("api.base.") || id.startsWith("auth."));
      assertThat(checks).filteredOn(c -> c.id().equals("auth.challenge.anonymous-refused"))
          .extracting(CheckResult::outcome).containsExactly(Outcome.PASSED);
      assertThat(checks).filteredOn(c -> c.id().equals("auth.login.docker-flow")).singleElement()
          .satisfies(c -> assertThat(c.outcome()).isEqualTo(Outcome.DISABLED))
          .satisfies(c -> assertThat(c.message()).contains("--password-stdin"));
      assertThat(checks).filteredOn(c -> c.outcome() == Outcome.FAILED).filteredOn(c -> !c.id().startsWith("clients."))
          .extracting(CheckResult::message).isNotEmpty()
          .allSatisfy(message -> assertThat(message).containsAnyOf("401", "UNAUTHORIZED"));
      // The clients fail with their own words for the 401.
      assertThat(checks).filteredOn(c -> c.outcome() == Outcome.FAILED).filteredOn(c -> c.id().startsWith("clients."))
          .extracting(CheckResult::message).isNotEmpty()
          .allSatisfy(message -> assertThat(message).containsAnyOf("401", "UNAUTHORIZED", "unauthorized",
              "no basic auth credentials"));
    }

    @Test
    void a_wrong_password_exits_2_in_one_line_before_any_check_runs(@TempDir Path dir) {
      String wrong = "wr0ng-" + UUID.randomUUID();

      Captured run = runWithStdin(wrong + "\n", "run", "--target", registry.baseUri().toString(),
          "--username", USER, "--password-stdin", "--report-dir", dir.toString());

      assertThat(run.exitCode).as("exit status; output:%n%s%s", run.out, run.err).isEqualTo(2);
      assertThat(run.err.strip()).isEqualTo("regconform: the registry at " + registry.baseUri()
          + " rejected the credentials for " + USER + " (401 on GET /v2/)");
      assertThat(run.out).doesNotContain("PASS").doesNotContain("FAIL");
      String wrongBasic = Base64.getEncoder().encodeToString((USER + ":" + wrong).getBytes(StandardCharsets.UTF_8));
      assertThat(run.out + run.err).doesNotContain(wrong).doesNotContain(wrongBasic);
      assertThat(dir.resolve("summary.json")).as("no report: nothing ran").doesNotExist();
    }
  }

  /**
   * The token-auth reference with a planted personal access token as the password, every auth setting given on the
   * command line: afterwards neither the console nor any report file holds the PAT, its Basic form, any token the
   * token server issued, the signing key, or any Authorization value.
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Against_the_token_auth_reference_with_a_planted_token {
    private static final String OWNER = "regconform-leak";
    private final String planted = "regconform_pat_planted_" + UUID.randomUUID().toString().replace("-", "");
    private TokenAuthReference reference;

    @BeforeAll
    void start_reference() {
      Optional<Path> binary = DistributionProcess.findBinary();
      Assumptions.assumeTrue(binary.isPresent(), "no registry / docker-registry binary (apt-get install docker-registry)");
      reference = TokenAuthReference.start(binary.get(), OWNER, planted);
    }

    @AfterAll
    void stop_reference() {
      if (reference != null) {
        reference.close();
      }
    }

    @Test
    void no_output_holds_the_pat_a_token_the_signing_key_or_an_authorization_value(@TempDir Path dir)
        throws IOException {
      Map<String, String> settings = reference.started().parameters();
      Captured run = runWithStdin(planted + "\n", "run", "--target", reference.started().url().toString(),
          "--namespace", OWNER, "--username", OWNER, "--password-stdin", "--report-dir", dir.toString(),
          "--public-repository", settings.get(AuthSettings.PUBLIC_REPOSITORY),
          "--private-repository", settings.get(AuthSettings.PRIVATE_REPOSITORY),
          "--token-signing-key", settings.get(AuthSettings.TOKEN_SIGNING_KEY),
          "--token-certificate", settings.get(AuthSettings.TOKEN_CERTIFICATE));

      JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
      List<CheckResult> checks = checksOf(summary);
      assertThat(checks).filteredOn(c -> c.id().startsWith("auth.")).as("auth checks; output:%n%s%s", run.out, run.err)
          .filteredOn(c -> c.outcome() != Outcome.PASSED).extracting(CheckResult::id)
          .containsExactly("auth.read-only.cannot-push"); // REGCONFORM_READ_ONLY_PASSWORD cannot be set in-process
      List<String> tokens = reference.tokenServer().issuedTokens();
      assertThat(tokens).as("tokens issued during the run").hasSizeGreaterThan(20);

      List<String> secrets = new ArrayList<>(tokens);
      secrets.add(planted);
      secrets.add(Base64.getEncoder().encodeToString((OWNER + ":" + planted).getBytes(StandardCharsets.UTF_8)));
      secrets.add(settings.get(AuthSettings.READ_ONLY_PASSWORD));
      String key = reference.tokenServer().signingKeyPem();
      key.lines().filter(l -> !l.startsWith("-----")).forEach(secrets::add);

      Map<String, String> outputs = new java.util.LinkedHashMap<>();
      outputs.put("stdout", run.out);
      outputs.put("stderr", run.err);
      outputs.putAll(reportTexts(dir));
      assertThat(outputs.keySet()).as("outputs searched").anyMatch(f -> f.endsWith("-result.json"))
          .anyMatch(f -> f.contains("index.html!data/attachments/"))
          .anyMatch(f -> f.endsWith("junit.xml")).anyMatch(f -> f.endsWith("summary.json"));
      java.util.regex.Pattern authorizationValue = java.util.regex.Pattern.compile(
          "\\b(Basic|Bearer)\\s+(?!\\*\\*\\*)(?!(realm|service|scope|error)\\s*=)[A-Za-z0-9._~+/=-]{16,}");
      outputs.forEach((name, text) -> {
        for (String secret : secrets) {
          assertThat(text.contains(secret)).as("%s holds a secret (%s…)", name, secret.substring(0, 6)).isFalse();
        }
        assertThat(authorizationValue.matcher(text).find()).as("%s holds an Authorization value: %s", name,
            authorizationValue.matcher(text).results().map(m -> m.group().substring(0, 12)).toList()).isFalse();
      });
    }
  }

  /**
   * The text of every file under {@code dir}, by path; and of every file the single-file HTML report embeds (base64,
   * so a plain search of the page would miss it), as {@code …/index.html!data/attachments/…}.
   */
  static Map<String, String> reportTexts(Path dir) throws IOException {
    Map<String, String> texts = new java.util.LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        texts.put(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        if (file.getFileName().toString().equals("index.html")) {
          AllureHtmlReport.embedded(file).forEach((path, bytes) ->
              texts.put(file + "!" + path, new String(bytes, StandardCharsets.UTF_8)));
        }
      }
    }
    return texts;
  }

  /** {@link #run} with {@code stdin} as standard input (RunCommand reads System.in as execute constructs it). */
  private static Captured runWithStdin(String stdin, String... args) {
    InputStream oldIn = System.in;
    try {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      return run(args);
    } finally {
      System.setIn(oldIn);
    }
  }

  /** Runs the command line in this JVM, capturing what it prints (BaselineIT uses it too). */
  static Captured run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = RegconformCommand.execute(args);
      return new Captured(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  record Captured(int exitCode, String out, String err) {}
}
