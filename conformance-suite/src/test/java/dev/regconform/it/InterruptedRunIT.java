package dev.regconform.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regconform.cli.RegconformCommand;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.distribution.DistributionProcess;
import dev.regconform.model.Digest;
import dev.regconform.scenarios.Accept;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in the middle of {@code regconform run}: the CLI runs as a process of its own against a native Distribution
 * (delete enabled), gets SIGINT once its first check lines are out, and must end (exit 130) having deleted everything
 * it stored. Proven from the registry, not from the toolkit's word: every repository of the run's namespace in the
 * catalog lists no tag (or is unknown), and every manifest and blob Distribution ever linked there (read from its
 * storage directory) answers HEAD with 404.
 */
class InterruptedRunIT {
  private static final Pattern NAMESPACE = Pattern.compile("\\(namespace (\\S+)\\)");
  private static final Pattern CHECK_LINE = Pattern.compile("^(PASS|FAIL|WARN|BRKN|SKIP) .*");

  @Test
  void ctrl_c_in_the_middle_of_a_run_leaves_no_manifest_tag_or_blob_of_it(@TempDir Path reports) throws Exception {
    Optional<Path> binary = DistributionProcess.findBinary();
    Assumptions.assumeTrue(binary.isPresent(), "no registry / docker-registry binary (apt-get install docker-registry)");
    try (DistributionProcess registry = DistributionProcess.start(binary.get())) {
      Process run = new ProcessBuilder(command(registry, reports)).redirectErrorStream(true).start();
      List<String> lines = new CopyOnWriteArrayList<>();
      Thread reader = new Thread(() -> read(run, lines));
      reader.start();
      long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (lines.stream().noneMatch(l -> CHECK_LINE.matcher(l).matches()) && run.isAlive()
          && System.nanoTime() < until) {
        Thread.sleep(50);
      }
      assertThat(run.isAlive()).as("the run is still going when its first check line is out:%n%s",
          String.join("\n", lines)).isTrue();
      new ProcessBuilder("kill", "-INT", String.valueOf(run.pid())).start().waitFor();

      assertThat(run.waitFor(90, TimeUnit.SECONDS)).as("the run ended within 90 s of SIGINT:%n%s",
          String.join("\n", lines)).isTrue();
      reader.join(5000);
      String output = String.join("\n", lines);
      System.out.println(output.lines().filter(l -> !CHECK_LINE.matcher(l).matches() && !l.startsWith("      "))
          .reduce("InterruptedRunIT, the run's lines but the checks':", (a, b) -> a + "\n  " + b));
      assertThat(run.exitValue()).as("exit status after SIGINT; output:%n%s", output).isEqualTo(130);
      assertThat(output).contains("regconform: the run was interrupted (SIGINT): stopping it and deleting what it "
          + "pushed (at most 30 s; INT again to abandon)");
      assertThat(output).containsPattern("cleanup: removed everything the run pushed \\(\\d+ manifests?, \\d+ blobs?; "
          + "verified\\)");
      assertThat(reports.resolve("summary.json")).as("an interrupted run writes no summary").doesNotExist();

      Matcher namespace = NAMESPACE.matcher(output);
      assertThat(namespace.find()).as("the run printed its namespace:%n%s", output).isTrue();
      assertNothingOfTheRunRemains(registry, namespace.group(1));
    }
  }

  /** {@code java -cp … RegconformCommand run …}, through perl to restore SIGINT where a shell left it ignored. */
  private static List<String> command(DistributionProcess registry, Path reports) {
    List<String> command = new ArrayList<>();
    if (Stream.of("/usr/bin/perl", "/bin/perl").anyMatch(p -> Files.isExecutable(Path.of(p)))) {
      // A background job of a non-interactive shell starts with SIGINT ignored, and the JVM then keeps ignoring it.
      command.addAll(List.of("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die $!"));
    }
    command.addAll(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), RegconformCommand.class.getName(), "run",
        "--target", registry.baseUri().toString(), "--namespace", "regconform-it", "--report-dir", reports.toString(),
        "--no-html"));
    return command;
  }

  private static void read(Process run, List<String> lines) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    } catch (java.io.IOException e) {
      lines.add("(reading the output failed: " + e + ")");
    }
  }

  private static void assertNothingOfTheRunRemains(DistributionProcess registry, String namespace) throws Exception {
    RegistryClient client = RegistryClient.builder(registry.baseUri()).build();
    // Distribution keeps a repository in its catalog once its content is deleted: an empty name is not content.
    List<String> repositories = new ArrayList<>();
    RegistryResponse catalog = client.listRepositories(1000, null);
    for (int page = 0; page < 100; page++) {
      assertThat(catalog.status()).as("catalog: %s", catalog.bodyText()).isEqualTo(200);
      new ObjectMapper().readTree(catalog.body()).path("repositories").forEach(n -> {
        if (n.asText().startsWith(namespace + "/")) {
          repositories.add(n.asText());
        }
      });
      Optional<String> next = client.nextLink(catalog);
      if (next.isEmpty()) {
        break;
      }
      catalog = client.getLocation(next.get(), List.of());
    }
    assertThat(repositories).as("the run's repositories in the catalog").isNotEmpty();
    for (String repository : repositories) {
      RegistryResponse tags = client.listTags(repository);
      assertThat(tags.status() == 404 || RegistryClient.tagsOf(tags).orElse(List.of()).isEmpty())
          .as("tags of %s: %s %s", repository, tags.status(), tags.bodyText()).isTrue();
    }
    // Every blob Distribution ever stored (manifests are blobs too), from its content store, which deletes through
    // the API do not empty (only garbage collection would): whatever the toolkit recorded, none may be served in a
    // repository of the run, as a blob or as a manifest. (Distribution removes a repository's links as it deletes.)
    Path blobs = registry.logFile().getParent().resolve("storage/docker/registry/v2/blobs");
    List<Digest> stored = new ArrayList<>();
    try (Stream<Path> files = Files.walk(blobs)) {
      files.filter(p -> p.getFileName().toString().equals("data")).forEach(p -> stored.add(Digest.parse(
          p.getParent().getParent().getParent().getFileName() + ":" + p.getParent().getFileName())));
    }
    assertThat(stored).as("what the run stored before SIGINT (else this test proves nothing)").isNotEmpty();
    List<String> served = new ArrayList<>();
    for (String repository : repositories) {
      for (Digest digest : stored) {
        int blob = client.headBlob(repository, digest).status();
        int manifest = client.headManifest(repository, digest.toString(), Accept.ANY_MANIFEST).status();
        if (blob != 404 || manifest != 404) {
          served.add(repository + "@" + digest + " -> blob " + blob + ", manifest " + manifest);
        }
      }
    }
    System.out.println("InterruptedRunIT: " + stored.size() + " blobs and manifests stored, " + repositories.size()
        + " repositories of " + namespace + " in the catalog, each looked up for each; still served: " + served);
    assertThat(served).as("manifests and blobs of the run still served (HEAD not 404)").isEmpty();
  }
}
