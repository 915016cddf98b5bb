package dev.regconform.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.fixtures.images.TestImageIndex;
import dev.regconform.model.Digest;
import dev.regconform.model.ImageFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciLayoutTest {

  @Test
  void an_image_is_written_with_every_blob_under_its_digest_and_named_by_its_tag(@TempDir Path dir) throws Exception {
    try (TestImage image = TestImage.builder().format(ImageFormat.OCI).layerSizes(64, 128).seed(7).build()) {
      OciLayout.write(dir, image, "v1");

      assertThat(dir.resolve("oci-layout")).content().isEqualTo("{\"imageLayoutVersion\":\"1.0.0\"}");
      JsonNode top = new ObjectMapper().readTree(dir.resolve("index.json").toFile()).path("manifests").get(0);
      assertThat(top.path("digest").asText()).isEqualTo(image.digest().toString());
      assertThat(top.path("mediaType").asText()).isEqualTo(image.manifest().mediaType());
      assertThat(top.path("annotations").path("org.opencontainers.image.ref.name").asText()).isEqualTo("v1");
      assertThat(Digest.sha256(Files.readAllBytes(OciLayout.blobPath(dir, image.digest())))).isEqualTo(image.digest());
      image.blobs().forEach(blob -> assertThat(OciLayout.blobPath(dir, blob.digest())).hasSameBinaryContentAs(blob.file()));
    }
  }

  @Test
  void a_multi_platform_index_brings_every_child_manifest(@TempDir Path dir) throws Exception {
    try (TestImageIndex multi = TestImageIndex.builder().format(ImageFormat.OCI).layerSizes(32).seed(3).build()) {
      OciLayout.write(dir, multi, "multi");

      JsonNode top = new ObjectMapper().readTree(dir.resolve("index.json").toFile()).path("manifests").get(0);
      assertThat(top.path("digest").asText()).isEqualTo(multi.digest().toString());
      multi.manifests().forEach(m -> assertThat(OciLayout.blobPath(dir, m.digest())).exists());
    }
  }
}
