package dev.regconform.scenarios.negotiation;

import dev.regconform.client.ContentPusher;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.DataSetName;
import dev.regconform.junit.ForImageFormat;
import dev.regconform.model.ImageFormat;
import dev.regconform.model.ImageIndex;
import dev.regconform.model.Manifest;
import dev.regconform.model.Platform;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/**
 * Content negotiation for a list of images: an OCI image index, and a Docker manifest list, each of a linux/amd64
 * and a linux/arm64 image pushed by digest. (A registry that answers a list's tag with the amd64 image, as
 * Distribution does for clients that do not accept lists, answers another manifest.)
 */
@DataSetName("index")
public abstract class IndexNegotiationScenarios extends NegotiationScenarios {

  @Override
  Manifest push() {
    ContentPusher pusher = scenario.pusher();
    TestImage amd64 = scenario.newImage(1024);
    TestImage arm64 = scenario.newImage(2048);
    pusher.pushImage(repo, amd64, amd64.digest().toString());
    pusher.pushImage(repo, arm64, arm64.digest().toString());
    ImageIndex index = ImageIndex.of(scenario.format().indexMediaType(), List.of(
        amd64.manifest().descriptor().withPlatform(Platform.of("linux", "amd64")),
        arm64.manifest().descriptor().withPlatform(Platform.of("linux", "arm64"))));
    pusher.pushManifest(repo, TAG, index);
    return index;
  }

  @ForImageFormat(ImageFormat.OCI)
  @DisplayName("Negotiate an OCI image index")
  public static final class OciIndex extends IndexNegotiationScenarios {}

  @ForImageFormat(ImageFormat.DOCKER_V2S2)
  @DisplayName("Negotiate a Docker manifest list")
  public static final class DockerList extends IndexNegotiationScenarios {}
}
