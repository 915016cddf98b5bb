package dev.regconform.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed input to the toolkit's own inputs — arguments of {@code run}, {@code docs}, {@code bench blob} and
 * {@code load}, the files they name, and the {@code OCI_*} variables — each answered with exit status 2 and one line on
 * stderr, {@code regconform: …}, never a stack trace. Every target is a closed 127.0.0.1 port, so a case whose input wrongly
 * passed would stop at the preflight instead (and fail here, its line not naming the input).
 */
class MalformedInputTest {
  @TempDir static Path files;
  private static String closed;
  private static Path yamlThatIsNot;
  private static Path baselineOfWrongShape;
  private static Path notPem;
  private static Path aFile;
  private static Path notARun;

  @BeforeAll
  static void prepare() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = "http://127.0.0.1:" + socket.getLocalPort();
    }
    yamlThatIsNot = Files.writeString(files.resolve("broken.yaml"), "version: 1\ntargets: [\n  - {target: x\n", UTF_8);
    baselineOfWrongShape = Files.writeString(files.resolve("shape.yaml"), "- just\n- a list\n", UTF_8);
    notPem = Files.writeString(files.resolve("key.pem"), "this is not a PEM file\n", UTF_8);
    aFile = Files.writeString(files.resolve("a-file"), "x", UTF_8);
    notARun = Files.createDirectories(files.resolve("not-a-run"));
    Files.writeString(notARun.resolve("summary.json"), "{\"targets\": [\n", UTF_8);
  }

  /**
   * One malformed input.
   *
   * @param what the input, in words
   * @param environment the variables set
   * @param args the command line
   * @param names what the line must contain to show it is about this input
   */
  record Case(String what, Map<String, String> environment, List<String> args, String names) {
    @Override
    public String toString() {
      return what;
    }
  }

  private static Case run(String what, String names, String... options) {
    List<String> args = new ArrayList<>(List.of("run", "--target", closed, "--report-dir", "none"));
    args.addAll(List.of(options));
    return new Case(what, Map.of(), args, names);
  }

  private static Case runWith(String what, Map<String, String> environment, String names, String... options) {
    List<String> args = new ArrayList<>(List.of("run"));
    args.addAll(List.of(options));
    return new Case(what, environment, args, names);
  }

  private static Case command(String what, String names, String... args) {
    return new Case(what, Map.of(), List.of(args), names);
  }

  static Stream<Case> cases() {
    return Stream.of(
        // regconform itself
        command("no command", "Missing command", new String[0]),
        command("an unknown command", "frobnicate", "frobnicate"),
        command("an unknown option before the command", "--frobnicate", "--frobnicate"),
        // run: arguments
        run("run: an unknown option", "--frobnicate", "--frobnicate"),
        command("run: --target that is not a URL", "invalid --target 'not a url'", "run", "--target", "not a url"),
        command("run: --target of another scheme", "invalid --target 'ftp://127.0.0.1'", "run", "--target",
            "ftp://127.0.0.1"),
        command("run: --target without its value", "--target", "run", "--target"),
        run("run: --parallel that is not a number", "--parallel", "--parallel", "many"),
        run("run: --parallel 0", "--parallel must be at least 1", "--parallel", "0"),
        run("run: --threads that is not a number", "--threads", "--threads", "1.5"),
        run("run: --threads 0", "--threads must be at least 1", "--threads", "0"),
        run("run: --large-blob-size with an unknown unit", "12XB", "--large-blob-size", "12XB"),
        run("run: --large-blob-size negative", "-5", "--large-blob-size", "-5"),
        run("run: --spec unknown", "2.0", "--spec", "2.0"),
        run("run: --disable an unknown feature", "nosuch", "--disable", "nosuch"),
        run("run: --check matching no check", "--check", "--check", "zzz.*"),
        run("run: --check that is empty", "--check", "--check", ""),
        run("run: --namespace in upper case", "invalid namespace 'Acme'", "--namespace", "Acme"),
        run("run: more --target-name than --target", "--target-name", "--target-name", "a", "--target-name", "b"),
        run("run: --username without a password", "--username given without a password", "--username", "u"),
        run("run: --read-only-username without its password", "REGCONFORM_READ_ONLY_PASSWORD",
            "--read-only-username", "reader"),
        run("run: --public-repository not a repository name", "--public-repository", "--public-repository", "A B"),
        run("run: --token-signing-key without --token-certificate", "go together", "--token-signing-key",
            "key.pem"),
        run("run: --token-signing-key a missing file", "no-such-key.pem", "--token-signing-key",
            files.resolve("no-such-key.pem").toString(), "--token-certificate", files.resolve("no-such.pem").toString()),
        run("run: --token-signing-key not a PEM", "key.pem", "--token-signing-key", notPem.toString(),
            "--token-certificate", notPem.toString()),
        run("run: --baseline missing", "no such file", "--baseline", files.resolve("none.yaml").toString()),
        run("run: --baseline not YAML", "broken.yaml", "--baseline", yamlThatIsNot.toString()),
        run("run: --baseline of the wrong shape", "shape.yaml", "--baseline", baselineOfWrongShape.toString()),
        run("run: --baseline a directory", files.toString(), "--baseline", files.toString()),
        run("run: --write-baseline a directory", files.toString(), "--write-baseline", files.toString()),
        command("run: --report-dir a file", "a-file", "run", "--target", closed, "--report-dir", aFile.toString()),
        command("run: --report-dir under a file", "a-file", "run", "--target", closed, "--report-dir",
            aFile.resolve("reports").toString()),
        command("run: --reference of no reference registry", "unknown --reference 'nosuch': the reference registries "
            + "are distribution-container, distribution-process, distribution-token, distribution-htpasswd, "
            + "artipie-embedded", "run", "--reference", "nosuch", "--report-dir", "none"),
        run("run: --reference with --target", "--reference and --target exclude each other", "--reference",
            "artipie-embedded"),
        command("run: --reference, one of them unknown", "unknown --reference 'artipie'", "run", "--reference",
            "artipie-embedded,artipie", "--report-dir", "none"),
        // run: environment
        runWith("run: OCI_ROOT_URL not a URL", Map.of("OCI_ROOT_URL", "registry:5000 "), "registry:5000"),
        runWith("run: OCI_VERSION unknown", Map.of("OCI_ROOT_URL", closed, "OCI_VERSION", "2.0"), "2.0"),
        runWith("run: OCI_AUTOMATIC_CROSSMOUNT neither true nor false",
            Map.of("OCI_ROOT_URL", closed, "OCI_AUTOMATIC_CROSSMOUNT", "maybe"), "OCI_AUTOMATIC_CROSSMOUNT"),
        runWith("run: OCI_DELETE_MANIFEST_BEFORE_BLOBS neither true nor false",
            Map.of("OCI_ROOT_URL", closed, "OCI_DELETE_MANIFEST_BEFORE_BLOBS", "sometimes"),
            "OCI_DELETE_MANIFEST_BEFORE_BLOBS"),
        runWith("run: OCI_CROSSMOUNT_NAMESPACE not a repository name",
            Map.of("OCI_ROOT_URL", closed, "OCI_CROSSMOUNT_NAMESPACE", "Not/OK"), "OCI_CROSSMOUNT_NAMESPACE"),
        runWith("run: OCI_NAMESPACE in upper case", Map.of("OCI_ROOT_URL", closed, "OCI_NAMESPACE", "Acme"),
            "invalid namespace 'Acme'"),
        runWith("run: OCI_USERNAME without OCI_PASSWORD", Map.of("OCI_ROOT_URL", closed, "OCI_USERNAME", "u"),
            "without a password"),
        runWith("run: OCI_PASSWORD without a user", Map.of("OCI_ROOT_URL", closed, "OCI_PASSWORD", "pw"), "no user"),
        runWith("run: OCI_REPORT_DIR a file", Map.of("OCI_ROOT_URL", closed, "OCI_REPORT_DIR", aFile.toString()),
            "a-file"),
        // docs
        command("docs: no --out", "--out", "docs", "--target", closed),
        command("docs: --out a file", "--out " + aFile, "docs", "--target", closed, "--out", aFile.toString()),
        command("docs: --report-dir none", "--report-dir none", "docs", "--target", closed, "--report-dir", "none",
            "--out", files.resolve("book").toString()),
        command("docs: --reference of no reference registry", "unknown --reference 'nosuch'", "docs", "--reference",
            "nosuch", "--out", files.resolve("book").toString()),
        command("docs: --from that does not exist", "--from " + files.resolve("no-run") + ": no such directory",
            "docs", "--from", files.resolve("no-run").toString(), "--out", files.resolve("book").toString()),
        command("docs: --from a file", "is a file", "docs", "--from", aFile.toString(), "--out",
            files.resolve("book").toString()),
        command("docs: --from a directory without a run", "cannot read --from " + files, "docs", "--from",
            files.toString(), "--out", files.resolve("book").toString()),
        command("docs: --from a run whose summary.json is not JSON", "cannot read --from " + notARun, "docs", "--from",
            notARun.toString(), "--out", files.resolve("book").toString()),
        command("docs: --from with --target", "--target cannot go with it", "docs", "--from", files.toString(),
            "--target", closed, "--out", files.resolve("book").toString()),
        // bench blob
        command("bench: no benchmark", "bench blob", "bench"),
        command("bench blob: an unknown option", "--frobnicate", "bench", "blob", "--target", closed, "--frobnicate"),
        command("bench blob: no target", "--target", "bench", "blob"),
        command("bench blob: --target not a URL", "invalid --target", "bench", "blob", "--target", "127.0.0.1:5000"),
        command("bench blob: --size with an unknown unit", "invalid size '1TB'", "bench", "blob", "--target", closed,
            "--size", "1TB"),
        command("bench blob: --size without its value", "--size", "bench", "blob", "--target", closed, "--size"),
        command("bench blob: --repeat not a number", "--repeat", "bench", "blob", "--target", closed, "--repeat",
            "twice"),
        command("bench blob: --repeat 0", "--repeat must be at least 1", "bench", "blob", "--target", closed,
            "--repeat", "0"),
        command("bench blob: --namespace in upper case", "invalid namespace", "bench", "blob", "--target", closed,
            "--namespace", "Acme"),
        // load
        command("load: an unknown option", "--frobnicate", "load", "--target", closed, "--frobnicate"),
        command("load: --concurrency not a number", "--concurrency", "load", "--target", closed, "--concurrency",
            "lots"),
        command("load: --duration without a unit", "invalid duration '30'", "load", "--target", closed, "--duration",
            "30"),
        command("load: --duration without its value", "--duration", "load", "--target", closed, "--duration"),
        command("load: --operations not a number", "--operations", "load", "--target", closed, "--operations", "1e3"),
        command("load: --mix with an unknown operation", "fetch", "load", "--target", closed, "--mix", "fetch=1"),
        command("load: --blob-size 0", "invalid size '0'", "load", "--target", closed, "--blob-size", "0"),
        command("load: --report-dir a file", "a-file", "load", "--target", closed, "--report-dir", aFile.toString()),
        command("load: --duration 0", "invalid duration '0s'", "load", "--target", closed, "--duration", "0s"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void malformed_input_ends_with_exit_status_2_and_one_line_naming_it(Case input) {
    CliRun run = CliRun.execute(input.environment(), input.args().toArray(String[]::new));

    assertThat(run.exitCode()).as("exit status of %s; output:%n%s", input.args(), run).isEqualTo(2);
    assertThat(run.err().lines().toList()).as("stderr of %s", input.args()).hasSize(1)
        .allSatisfy(line -> assertThat(line).startsWith("regconform: ").contains(input.names()));
    assertThat(run.out() + run.err()).as("output of %s", input.args()).doesNotContain("Exception")
        .doesNotContain("\tat ");
  }
}
