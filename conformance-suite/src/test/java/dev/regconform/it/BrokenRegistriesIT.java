package dev.regconform.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.embedded.EmbeddedArtipieRegistry;
import dev.regconform.fixtures.distribution.DistributionProcess;
import dev.regconform.fixtures.faults.Fault;
import dev.regconform.fixtures.faults.FaultInjectingProxy;
import dev.regconform.fixtures.faults.ProxiedResponse;
import dev.regconform.reports.CheckResult;
import dev.regconform.reports.Outcome;
import dev.regconform.runner.CheckSelection;
import dev.regconform.runner.SuiteRunner;
import dev.regconform.scenarios.LargeBlobScenarios;
import dev.regconform.target.RunOptions;
import dev.regconform.target.RegistryTarget;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks against Distribution broken on purpose, one way at a time, by a proxy: each break must make
 * the checks that look at that behaviour fail, and every failure must be about that behaviour. Shows that
 * the checks can fail, and fail for the right reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokenRegistriesIT {
  /** The large-blob check runs behind every break too; a smaller blob keeps this test quick. */
  /**
   * A small large blob, and without the real clients: they fail in their own words and retry a broken registry for
   * minutes (CorruptedBlobDownloadsIT shows a client failing on a corrupt blob).
   */
  private static final RunOptions OPTIONS = new RunOptions("1.1", Map.of(), Map.of(LargeBlobScenarios.SIZE, "16MiB",
      dev.regconform.junit.WorkflowCondition.parameter("clients"), "false"));

  private DistributionProcess registry;
  private EmbeddedArtipieRegistry artipie;

  /** The registry a case breaks; each has its own known deviations (expected-verdicts/&lt;id&gt;), which are not about the break. */
  enum Upstream {
    DISTRIBUTION("distribution"), ARTIPIE("artipie-embedded");

    final String verdicts;

    Upstream(String verdicts) {
      this.verdicts = verdicts;
    }
  }

  /**
   * A way to break the registry.
   *
   * @param name what is broken
   * @param fault the proxy's fault
   * @param upstream the registry behind the proxy
   * @param mustFail full check ids that must not pass (fail, or warn for a SHOULD); {@link #inBothFormats} expands ids
   *     of checks run for both image formats
   * @param everyFailureMentions a pattern every failure message must contain (e.g. a header name, or alternatives
   *     {@code a|b}), so no check fails for another reason
   * @param uploadsStillWork whether content can still be pushed, so checks of unknown content must still pass
   */
  record Case(String name, Upstream upstream, Fault fault, List<String> mustFail, String everyFailureMentions,
      boolean uploadsStillWork) {
    Case(String name, Fault fault, List<String> mustFail, String everyFailureMentions, boolean uploadsStillWork) {
      this(name, Upstream.DISTRIBUTION, fault, mustFail, everyFailureMentions, uploadsStillWork);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("no Docker-Content-Digest header", Fault.dropResponseHeader("Docker-Content-Digest"),
            inBothFormats("push.blob.monolithic", "push.blob.streamed", "push.manifest.by-tag", "pull.by-tag.content-digest",
                "pull.by-digest.content-digest", "pull.blobs.config", "pull.blobs.layers", "pull.blobs.head",
                "untagged.push-by-digest"),
            "Docker-Content-Digest", true),
        new Case("no Location header", Fault.dropResponseHeader("Location"),
            inBothFormats("push.blob.monolithic", "push.blob.streamed", "push.manifest.by-tag", "pull.by-tag.manifest-bytes",
                "untagged.pull-by-digest"),
            "Location", false),
        new Case("manifests served as application/json", (request, response) ->
                request.path().contains("/manifests/") && response.status() == 200
                    ? response.withHeader("Content-Type", "application/json") : response,
            inBothFormats("pull.by-tag.content-type", "pull.by-digest.content-type"),
            "Content-Type", true),
        new Case("a tag that was never pushed in the tag list", (request, response) ->
                request.path().endsWith("/tags/list") && response.status() == 200 ? withExtraTag(response) : response,
            inBothFormats("tags.list.exact", "untagged.not-in-tag-list"),
            "never-pushed", true),
        // The bytes of a manifest are what its digest is of: a registry that re-serialises is caught by every check
        // that reads a manifest back, whatever Accept it sent.
        new Case("manifests re-serialised", Fault.RESERIALIZE_MANIFESTS,
            Stream.concat(inBothFormats("pull.by-name.defaults-to-latest", "pull.by-tag.manifest-bytes",
                "pull.by-latest.manifest-bytes", "pull.by-digest.manifest-bytes", "push.manifest.by-tag",
                "untagged.pull-by-digest", "negotiation.manifest.accept-both", "negotiation.index.accept-both").stream(),
                Stream.of("negotiation.manifest.accept-oci[oci]", "negotiation.index.accept-oci[oci]",
                    "negotiation.manifest.accept-docker[docker-v2s2]", "negotiation.index.accept-docker[docker-v2s2]"))
                .toList(),
            // (the concurrency checks say so in their own words when the contested tag serves re-serialised bytes)
            "exactly the|Content-Length|none of the \\d+ manifests written", true),
        // Distribution refuses manifests with urls by default; the Artipie adapter stores them.
        new Case("urls stripped from descriptors", Upstream.ARTIPIE, Fault.STRIP_URLS,
            List.of("manifests.data.non-distributable.accepted-or-blob-unknown"), "exactly the", true));
  }

  /**
   * The whole suite behind Distribution; behind Artipie only the checks of content with {@code urls} (the break), as
   * the adapter's own flaws under eight classes at once are not what this test is about (a manifest PUT once answered
   * "Blob does not exist" for the empty config another class had just pushed to its own repository).
   */
  private static RunOptions options(Case broken) {
    if (broken.upstream() == Upstream.DISTRIBUTION) {
      return OPTIONS;
    }
    Map<String, String> parameters = new java.util.HashMap<>(OPTIONS.parameters());
    parameters.put(CheckSelection.PARAMETER, "manifests.data.non-distributable.*,formats.foreign-layer.*,errors.*");
    return new RunOptions(OPTIONS.specVersion(), OPTIONS.disabled(), parameters);
  }

  /** {@code id[oci]} and {@code id[docker-v2s2]} for each id. */
  static List<String> inBothFormats(String... ids) {
    return Stream.of(ids).flatMap(id -> Stream.of(id + "[oci]", id + "[docker-v2s2]")).toList();
  }


  @BeforeAll
  void startRegistry() {
    Optional<Path> binary = DistributionProcess.findBinary();
    Assumptions.assumeTrue(binary.isPresent(), "no registry / docker-registry binary (apt-get install docker-registry)");
    registry = DistributionProcess.start(binary.get());
    artipie = EmbeddedArtipieRegistry.start();
  }

  @AfterAll
  void stopRegistry() {
    if (registry != null) {
      registry.close();
    }
    if (artipie != null) {
      artipie.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void each_break_fails_the_checks_that_look_at_it_and_only_for_that_reason(Case broken) throws Exception {
    URI upstream = broken.upstream() == Upstream.DISTRIBUTION ? registry.baseUri() : artipie.baseUri();
    try (FaultInjectingProxy proxy = FaultInjectingProxy.start(upstream, broken.fault())) {
      RegistryTarget target = new RegistryTarget(proxy.baseUri(), null, "regconform-it/broken", false, broken.name());

      // The registry's own known deviations (expected-verdicts/<upstream>) are not about the break.
      ExpectedVerdicts known = ExpectedVerdicts.load(broken.upstream().verdicts);
      // The proxy (a JDK HttpServer) cannot forward a request whose body ends before its Content-Length: it answers
      // 502 itself, so those bad-input cases are about the proxy here, not about the break.
      List<CheckResult> results = SuiteRunner.run(target, options(broken), r -> { }).run().checks().stream()
          .filter(r -> !known.isKnownDeviation(r))
          .filter(r -> !r.id().startsWith("robustness.bad-upload.size.content-length-longer-than-body")
              && !r.id().equals("robustness.bad-upload.size.declared-far-larger"))
          .toList();

      List<CheckResult> failed = results.stream()
          .filter(r -> r.outcome() == Outcome.FAILED || r.outcome() == Outcome.WARNING).toList();
      assertThat(failed).extracting(CheckResult::id).as("failed checks with %s", broken)
          .containsAll(broken.mustFail());
      assertThat(failed).allSatisfy(f -> assertThat(f.message()).as("why %s failed", f.id())
          .containsPattern(broken.everyFailureMentions()));
      if (broken.uploadsStillWork()) {
        assertThat(results).filteredOn(r -> r.id().startsWith("errors.")).extracting(CheckResult::outcome)
            .as("unknown-content checks do not depend on %s", broken).containsOnly(Outcome.PASSED);
      }
    }
  }

  private static ProxiedResponse withExtraTag(ProxiedResponse response) throws java.io.IOException {
    String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8)
        .replace("\"tags\":[", "\"tags\":[\"never-pushed\",");
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return response.withBody(new ByteArrayInputStream(bytes)).withHeader("Content-Length", String.valueOf(bytes.length));
  }
}
