package dev.regconform.scenarios.concurrency;

import static dev.regconform.scenarios.Accept.ANY_MANIFEST;
import static java.util.stream.Collectors.toMap;

import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.concurrency.Findings;
import dev.regconform.concurrency.Race;
import dev.regconform.fixtures.images.TestBlob;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.model.Digest;
import dev.regconform.model.ImageManifest;
import dev.regconform.model.MediaTypes;
import dev.regconform.scenarios.ScenarioSupport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Spec "Pushing Manifests" and "Listing Tags", several clients at once (R88): a tag written by {@value Races#CLIENTS}
 * clients with different manifests ends naming one of them, whole; a tag list read while tags are pushed only grows.
 */
@Tag("concurrency")
@DisplayName("Concurrent tag updates")
public class ConcurrentTagScenarios extends ScenarioSupport {

  @Test
  @CheckId("concurrency.tag.different-manifests")
  @Covers({"R88"})
  void a_tag_written_by_8_clients_with_different_manifests_at_once_ends_naming_one_of_them_whole() {
    String repo = scenario.repository("contested");
    List<ImageManifest> manifests = variants(repo, Races.CLIENTS);
    Map<Digest, ImageManifest> byDigest = manifests.stream().collect(toMap(ImageManifest::digest, Function.identity()));
    Findings findings = new Findings();

    List<RegistryResponse> puts = Races.values(Race.run(Races.CLIENTS, Races.LIMIT,
        i -> registry.putManifest(repo, "contested", MediaTypes.OCI_MANIFEST, manifests.get(i).raw())), findings);

    for (int i = 0; i < puts.size(); i++) {
      if (puts.get(i) != null && findings.expect("client " + i, puts.get(i), 201)) {
        Races.expectDigestHeader(findings, "client " + i, puts.get(i), manifests.get(i).digest());
      }
    }
    RegistryResponse get = registry.getManifest(repo, "contested", ANY_MANIFEST);
    if (findings.expect("the tag afterwards", get, 200)) {
      Digest served = Digest.sha256(get.body());
      if (!byDigest.containsKey(served)) {
        findings.add("the tag afterwards: " + get.requestLine() + " served " + get.body().length + " bytes that are"
            + " none of the " + Races.CLIENTS + " manifests written (" + served + ")", get);
      }
      Races.expectDigestHeader(findings, "the tag afterwards", get, served);
      RegistryResponse head = registry.headManifest(repo, "contested", ANY_MANIFEST);
      if (findings.expect("the tag afterwards", head, 200)) {
        Races.expectDigestHeader(findings, "the tag afterwards (HEAD)", head, served);
      }
    }
    for (ImageManifest manifest : manifests) {
      RegistryResponse byDigestGet = registry.getManifest(repo, manifest.digest().toString(), ANY_MANIFEST);
      if (findings.expect("by digest", byDigestGet, 200)) {
        findings.expectBody("by digest", byDigestGet, manifest.raw());
      }
    }
    findings.verify(Races.CLIENTS + " clients each PUTting a different manifest to " + repo + ":contested at once to"
        + " get 201, the tag then to serve exactly one of them (Docker-Content-Digest agreeing), and each to pull by"
        + " digest");
  }

  @Test
  @CheckId("concurrency.tags.list-while-pushing")
  @Covers({"R88", "R48"})
  void the_tag_list_read_while_7_clients_push_tags_only_grows_and_ends_with_every_tag() {
    String repo = scenario.repository("tag-list");
    ImageManifest manifest = variants(repo, 1).get(0);
    int pushers = Races.CLIENTS - 1;
    Set<String> tags = new LinkedHashSet<>(IntStream.range(0, pushers).mapToObj(i -> "t" + i).toList());
    Findings findings = new Findings();
    List<List<String>> listings = new ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger pushing = new java.util.concurrent.atomic.AtomicInteger(pushers);

    List<RegistryResponse> puts = Races.values(Race.run(Races.CLIENTS, Races.LIMIT, i -> {
      if (i > 0) {
        try {
          return registry.putManifest(repo, "t" + (i - 1), MediaTypes.OCI_MANIFEST, manifest.raw());
        } finally {
          pushing.decrementAndGet();
        }
      }
      for (int round = 0; round < 200 && pushing.get() > 0; round++) {
        listed(registry, repo, findings).ifPresent(listings::add);
      }
      return null;
    }), findings);

    for (int i = 1; i < puts.size(); i++) {
      if (puts.get(i) != null) {
        findings.expect("client " + i, puts.get(i), 201);
      }
    }
    listed(registry, repo, findings).ifPresent(listings::add);
    Set<String> seen = new HashSet<>();
    for (List<String> listing : listings) {
      if (listing.size() != new HashSet<>(listing).size() || !tags.containsAll(listing)) {
        findings.add("a tag list read during the pushes holds " + listing + ": duplicates or tags never pushed"
            + " (pushed: " + tags + ")");
      }
      if (!listing.containsAll(seen)) {
        findings.add("a tag list read during the pushes, " + listing + ", lost tags an earlier one held: " + seen);
      }
      seen.addAll(listing);
    }
    if (!listings.isEmpty() && !listings.get(listings.size() - 1).containsAll(tags)) {
      findings.add("the tag list afterwards, " + listings.get(listings.size() - 1) + ", lacks some of " + tags);
    }
    findings.verify("the tag list of " + repo + ", read " + listings.size() + " times while " + pushers
        + " clients pushed a tag each, to hold only pushed tags, once each, never to lose one, and to end with all");
  }

  /** The tags of one tag-list read, or empty (a problem recorded) when it is not a 200 with a tag list. */
  private static java.util.Optional<List<String>> listed(RegistryClient registry, String repo, Findings findings) {
    RegistryResponse list = registry.listTags(repo);
    if (list.status() == 404 && list.body().length > 0 && list.errors().stream()
        .anyMatch(e -> e.code().equals("NAME_UNKNOWN"))) {
      return java.util.Optional.of(List.of()); // no tag landed yet: the repository does not exist
    }
    if (!findings.expect("the tag list", list, 200)) {
      return java.util.Optional.empty();
    }
    java.util.Optional<List<String>> tags = RegistryClient.tagsOf(list);
    if (tags.isEmpty()) {
      findings.add("the tag list: " + list.requestLine() + " answered 200 without a tag list", list);
    }
    return tags;
  }

  /** {@code count} OCI manifests of the same config and layer (pushed here) that differ in an annotation. */
  private List<ImageManifest> variants(String repo, int count) {
    TestImage image = scenario.newImage(1024);
    for (TestBlob blob : image.blobs()) {
      scenario.pusher().pushBlob(repo, blob);
    }
    String nonce = UUID.randomUUID().toString();
    List<ImageManifest> manifests = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ImageManifest manifest = ImageManifest.of(MediaTypes.OCI_MANIFEST, null, image.config().descriptor(),
          image.layers().stream().map(TestBlob::descriptor).toList(), null,
          Map.of("dev.regconform.concurrency.writer", i + " of " + count + " " + nonce));
      scenario.cleanup().recordManifest(repo, manifest.digest());
      manifests.add(manifest);
    }
    return manifests;
  }
}
