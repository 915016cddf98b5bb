package dev.regconform.scenarios.negotiation;

import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.DataSetName;
import dev.regconform.junit.ForImageFormat;
import dev.regconform.model.ImageFormat;
import dev.regconform.model.Manifest;
import org.junit.jupiter.api.DisplayName;

/** Content negotiation for an image manifest: an OCI image manifest, and a Docker schema 2 manifest. */
@DataSetName("manifest")
public abstract class ManifestNegotiationScenarios extends NegotiationScenarios {

  @Override
  Manifest push() {
    TestImage image = scenario.newImage(1024, 2048);
    scenario.pusher().pushImage(repo, image, TAG);
    return image.manifest();
  }

  @ForImageFormat(ImageFormat.OCI)
  @DisplayName("Negotiate an OCI image manifest")
  public static final class OciImage extends ManifestNegotiationScenarios {}

  @ForImageFormat(ImageFormat.DOCKER_V2S2)
  @DisplayName("Negotiate a Docker schema 2 manifest")
  public static final class DockerImage extends ManifestNegotiationScenarios {}
}
