package dev.regconform.scenarios.formats;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.fixtures.images.TestImageIndex;
import dev.regconform.fixtures.images.TestImageIndexBuilder;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.DataSetName;
import dev.regconform.junit.ForImageFormat;
import dev.regconform.junit.Level;
import dev.regconform.junit.RegistryConformance;
import dev.regconform.junit.Scenario;
import dev.regconform.model.Descriptor;
import dev.regconform.model.Digest;
import dev.regconform.model.ImageFormat;
import dev.regconform.model.ImageIndex;
import dev.regconform.model.ImageManifest;
import dev.regconform.model.Manifest;
import dev.regconform.model.ManifestFormatException;
import dev.regconform.model.MediaTypes;
import dev.regconform.model.Platform;
import dev.regconform.scenarios.Accept;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A multi-platform image pushed the way {@code docker buildx} and {@code crane} push one: the blobs and manifest of
 * every platform's image by digest (linux/amd64, linux/arm64/v8, windows/amd64 with {@code os.version}
 * {@value TestImageIndexBuilder#WINDOWS_OS_VERSION}), then the OCI image index or Docker manifest list by tag. Pulled
 * back the way a client on one platform pulls: the list by tag, then each child by the digest the pulled list names,
 * then each child's blobs. Subclasses choose the format; {@link NestedIndexFormScenarios} nests the index.
 */
@RegistryConformance
@Tag("manifests")
@DataSetName("multi-platform")
public abstract class MultiPlatformScenarios {
  static final String TAG = "multi-platform";
  private static final String PUSH_CHECK = "formats.{data-set}.push";
  private static final AtomicLong SEEDS = new AtomicLong(System.nanoTime());

  private RegistryClient registry;
  private String repo;
  private TestImageIndex multi;
  /** The answers to every PUT, in push order: each manifest by digest, then the top-level index by tag. */
  private final Map<String, RegistryResponse> puts = new LinkedHashMap<>();
  /** What was pushed, by digest, to compare what the index names with. */
  private final Map<Digest, Manifest> pushed = new LinkedHashMap<>();

  /** Whether the top-level index lists one inner index per os instead of the images. */
  boolean nested() {
    return false;
  }

  @BeforeAll
  void pushMultiPlatformImage(Scenario scenario) {
    registry = scenario.client();
    repo = scenario.repository();
    multi = TestImageIndex.builder().format(scenario.format()).nested(nested()).layerSizes(256, 128)
        .seed(SEEDS.incrementAndGet()).build();
    for (TestImage image : multi.images()) {
      image.blobs().forEach(blob -> scenario.pusher().pushBlob(repo, blob));
    }
    for (Manifest manifest : multi.manifests()) {
      pushed.put(manifest.digest(), manifest);
      puts.put(describe(manifest) + " by digest", Pushes.put(scenario, repo, manifest.digest().toString(), manifest));
    }
    puts.put(describe(multi.index()) + " by tag " + TAG, Pushes.put(scenario, repo, TAG, multi.index()));
  }

  @AfterAll
  void deleteFiles() {
    if (multi != null) {
      multi.close();
    }
  }

  @Test
  @CheckId(PUSH_CHECK)
  @Covers({"R41", "R42"})
  void every_platform_image_is_accepted_by_digest_and_the_index_by_tag() {
    puts.forEach((what, put) -> Pushes.assertAccepted(put, digestOf(what)));
  }

  @Test
  @CheckId("formats.{data-set}.index-pull")
  @Covers({"R6", "R7", "R40"})
  void the_index_pulls_back_byte_for_byte_by_tag_and_by_digest() {
    requireEveryManifestStored();
    for (String reference : List.of(TAG, multi.digest().toString())) {
      assertThat(registry.getManifest(repo, reference, Accept.ANY_MANIFEST)).hasStatus(200)
          .hasBody(multi.index().raw()).hasContentDigest(multi.digest());
      assertThat(registry.headManifest(repo, reference, Accept.ANY_MANIFEST)).hasStatus(200).hasEmptyBody()
          .hasContentLength(multi.index().raw().length).hasContentDigest(multi.digest());
    }
  }

  @Test
  @CheckId("formats.{data-set}.children-pull")
  @Covers({"R6", "R7", "R13", "R14", "R15", "R40"})
  void every_manifest_the_pulled_index_names_pulls_by_that_digest_as_pushed() {
    requireEveryManifestStored();
    List<Descriptor> reached = walk();
    assertThat(reached).extracting(Descriptor::digest).as("manifests reached from %s:%s", repo, TAG)
        .containsExactlyInAnyOrderElementsOf(pushed.keySet().stream().filter(d -> !d.equals(multi.digest())).toList());
  }

  @Test
  @CheckId("formats.{data-set}.child-blobs")
  @Covers({"R9", "R10"})
  void the_config_and_layers_of_every_platform_image_download_with_their_digests() {
    requireEveryManifestStored();
    for (Descriptor child : walk()) {
      if (MediaTypes.IMAGE_MANIFESTS.contains(child.mediaType())) {
        byte[] body = registry.getManifest(repo, child.digest().toString(), Accept.ANY_MANIFEST).body();
        for (Descriptor blob : ImageManifest.parse(body).blobs()) {
          assertThat(registry.getBlob(repo, blob.digest())).as("blob of the %s image", child.platform())
              .hasStatus(200).hasBodyMatching(blob.digest(), blob.size()).hasContentDigest(blob.digest());
        }
      }
    }
  }

  @Test
  @CheckId(value = "formats.{data-set}.content-type", level = Level.SHOULD)
  @Covers({"R5"})
  void the_index_and_every_child_are_served_with_the_media_type_they_were_pushed_as() {
    requireEveryManifestStored();
    List<String> references = new ArrayList<>(List.of(TAG));
    pushed.keySet().forEach(d -> references.add(d.toString()));
    for (String reference : references) {
      Manifest manifest = reference.equals(TAG) ? multi.index() : pushed.get(Digest.parse(reference));
      assertThat(registry.getManifest(repo, reference, Accept.ANY_MANIFEST)).hasStatus(200)
          .hasContentType(manifest.mediaType());
      assertThat(registry.headManifest(repo, reference, Accept.ANY_MANIFEST)).hasStatus(200)
          .hasContentType(manifest.mediaType());
    }
  }

  @Test
  @CheckId("formats.{data-set}.os-version")
  @Covers({"R40"})
  void the_windows_entry_keeps_its_os_version_byte_for_byte() {
    requireEveryManifestStored();
    Platform windows = TestImageIndexBuilder.DEFAULT_PLATFORMS.get(2);
    String platformJson = "\"platform\":{\"architecture\":\"amd64\",\"os\":\"windows\",\"os.version\":\""
        + windows.osVersion() + "\"}";
    // The index that lists the windows image: the tagged one, or its inner windows index when nested.
    Manifest holder = multi.manifests().stream().filter(m -> contains(m.raw(), platformJson)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no manifest of " + multi + " holds " + platformJson));
    RegistryResponse get = registry.getManifest(repo, holder == multi.index() ? TAG : holder.digest().toString(),
        Accept.ANY_MANIFEST);
    assertThat(get).hasStatus(200);
    if (!contains(get.body(), platformJson)) {
      throw new AssertionError(String.format("Expecting the pulled index to hold exactly the windows entry's platform "
          + "as pushed:%n  <%s>%nbut it does not:%n  %s", platformJson, get.describe()));
    }
    Descriptor entry = ImageIndex.parse(get.body()).manifests().stream()
        .filter(d -> d.platform() != null && "windows".equals(d.platform().os())).findFirst().orElseThrow();
    assertThat(entry.platform()).as("the windows entry of %s", get.requestLine()).isEqualTo(windows);
    assertThat(entry.digest()).isEqualTo(multi.image(windows).digest());
  }

  /**
   * Pulls the index by tag and follows every descriptor down, each by the digest the pulled parent names, asserting
   * that GET and HEAD of each answer 200 with the bytes pushed under that digest; returns the descriptors reached.
   */
  private List<Descriptor> walk() {
    RegistryResponse top = registry.getManifest(repo, TAG, Accept.ANY_MANIFEST);
    assertThat(top).hasStatus(200);
    List<Descriptor> reached = new ArrayList<>();
    walk(top, reached);
    return reached;
  }

  private void walk(RegistryResponse parent, List<Descriptor> reached) {
    ImageIndex index;
    try {
      index = ImageIndex.parse(parent.body());
    } catch (ManifestFormatException e) {
      throw new AssertionError("the body of " + parent.requestLine() + " is not an index: " + e.getMessage()
          + "\n  " + parent.describe(), e);
    }
    for (Descriptor child : index.manifests()) {
      reached.add(child);
      Manifest sent = pushed.get(child.digest());
      assertThat(sent).as("%s names %s, which is none of the manifests pushed %s", parent.requestLine(), child,
          pushed.keySet()).isNotNull();
      RegistryResponse get = registry.getManifest(repo, child.digest().toString(), Accept.ANY_MANIFEST);
      assertThat(get).as("the %s entry %s", child.platform(), child.digest()).hasStatus(200).hasBody(sent.raw())
          .hasContentDigest(child.digest()).hasContentLength(child.size());
      assertThat(registry.headManifest(repo, child.digest().toString(), Accept.ANY_MANIFEST))
          .hasStatus(200).hasEmptyBody().hasContentLength(child.size()).hasContentDigest(child.digest());
      if (MediaTypes.INDEXES.contains(child.mediaType())) {
        walk(get, reached);
      }
    }
  }

  private void requireEveryManifestStored() {
    String pushCheck = PUSH_CHECK.replace("{data-set}", getClass().getAnnotation(DataSetName.class).value());
    puts.values().forEach(put -> Pushes.requireStored(put, pushCheck));
  }

  private Digest digestOf(String what) {
    return pushed.keySet().stream().filter(d -> what.contains(d.toString())).findFirst().orElseThrow();
  }

  private String describe(Manifest manifest) {
    String kind = manifest == multi.index() ? "the index"
        : manifest instanceof ImageIndex ? "the inner index" : "the image";
    return kind + " " + manifest.digest();
  }

  private static boolean contains(byte[] body, String text) {
    return new String(body, StandardCharsets.UTF_8).contains(text);
  }

  @ForImageFormat(ImageFormat.OCI)
  @DisplayName("Multi-platform image: OCI image index")
  public static final class OciIndex extends MultiPlatformScenarios {}

  @ForImageFormat(ImageFormat.DOCKER_V2S2)
  @DisplayName("Multi-platform image: Docker manifest list")
  public static final class DockerManifestList extends MultiPlatformScenarios {}
}
