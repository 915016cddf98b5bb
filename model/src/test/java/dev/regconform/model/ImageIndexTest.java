package dev.regconform.model;

import static dev.regconform.model.ManifestFixtures.json;
import static dev.regconform.model.ManifestFixtures.ociManifest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageIndexTest {
  final Descriptor amd64 = ociManifest().descriptor().withPlatform(Platform.of("linux", "amd64"));
  final Descriptor arm64 = ociManifest().descriptor()
      .withPlatform(new Platform("arm64", "linux", null, null, "v8"));

  @Test
  void raw_bytes_parse_back_to_an_equal_index() {
    ImageIndex index = ImageIndex.of(MediaTypes.OCI_INDEX, List.of(amd64, arm64));

    ImageIndex back = ImageIndex.parse(index.raw());

    assertThat(back).isEqualTo(index).hasSameHashCodeAs(index);
    assertThat(back.manifests()).containsExactly(amd64, arm64);
    assertThat(back.manifests().get(1).platform()).hasToString("linux/arm64/v8");
    assertThat(back.digest()).isEqualTo(Digest.sha256(index.raw()));
  }

  @Test
  void a_docker_manifest_list_is_an_index_too() {
    ImageIndex list = ImageIndex.of(MediaTypes.DOCKER_MANIFEST_LIST, List.of(amd64));

    assertThat(Manifest.parse(list.raw())).isInstanceOf(ImageIndex.class).isEqualTo(list);
  }

  @Test
  void subject_annotations_and_artifact_type_round_trip() {
    Descriptor subject = ociManifest().descriptor();
    ImageIndex index = ImageIndex.of(MediaTypes.OCI_INDEX, "application/vnd.example", List.of(amd64), subject,
        Map.of("k", "v"));

    ImageIndex back = ImageIndex.parse(index.raw());

    assertThat(back.artifactType()).isEqualTo("application/vnd.example");
    assertThat(back.subject()).isEqualTo(subject);
    assertThat(back.annotations()).isEqualTo(Map.of("k", "v"));
  }

  @Test
  void an_index_without_mediaType_is_described_as_an_OCI_index() {
    ImageIndex index = ImageIndex.parse(json("{'schemaVersion':2,'manifests':[]}"));

    assertThat(index.mediaType()).isNull();
    assertThat(index.descriptor().mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
  }

  @Test
  void raw_returns_a_copy() {
    ImageIndex index = ImageIndex.of(MediaTypes.OCI_INDEX, List.of(amd64));

    index.raw()[0] = 'X';

    assertThat(index.raw()[0]).isEqualTo((byte) '{');
  }
}
