package dev.regconform.model;

import static dev.regconform.model.ManifestFixtures.OCI_CONFIG;
import static dev.regconform.model.ManifestFixtures.json;
import static dev.regconform.model.ManifestFixtures.ociManifest;
import static dev.regconform.model.ManifestFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Manifest#parse} chooses the manifest type and explains what it cannot read. */
class ManifestParseTest {
  static final String CONFIG = "{'mediaType':'" + MediaTypes.OCI_CONFIG + "','digest':'" + OCI_CONFIG.digest()
      + "','size':2}";

  @Nested
  class Chooses_the_type {
    @ParameterizedTest
    @ValueSource(strings = {MediaTypes.OCI_MANIFEST, MediaTypes.DOCKER_MANIFEST})
    void image_manifest_by_mediaType(String mediaType) {
      Manifest m = Manifest.parse(json("{'schemaVersion':2,'mediaType':'" + mediaType + "','config':" + CONFIG
          + ",'layers':[]}"));

      assertThat(m).isInstanceOf(ImageManifest.class);
      assertThat(m.mediaType()).isEqualTo(mediaType);
    }

    @ParameterizedTest
    @ValueSource(strings = {MediaTypes.OCI_INDEX, MediaTypes.DOCKER_MANIFEST_LIST})
    void index_by_mediaType(String mediaType) {
      Manifest m = Manifest.parse(json("{'schemaVersion':2,'mediaType':'" + mediaType + "','manifests':[]}"));

      assertThat(m).isInstanceOf(ImageIndex.class);
      assertThat(m.mediaType()).isEqualTo(mediaType);
    }

    @Test
    void index_by_shape_when_mediaType_is_absent() {
      assertThat(Manifest.parse(json("{'schemaVersion':2,'manifests':[" + CONFIG + "]}")))
          .isInstanceOfSatisfying(ImageIndex.class, i -> assertThat(i.manifests()).hasSize(1));
    }

    @Test
    void image_manifest_by_shape_when_mediaType_is_absent() {
      assertThat(Manifest.parse(json("{'schemaVersion':2,'config':" + CONFIG + ",'layers':[]}")))
          .isInstanceOfSatisfying(ImageManifest.class, m -> assertThat(m.config()).isEqualTo(OCI_CONFIG));
    }

    @Test
    void keeps_the_exact_bytes_it_was_given() {
      byte[] raw = json("{ 'schemaVersion' : 2 , 'manifests' : [ ] }\n");

      assertThat(Manifest.parse(raw).raw()).isEqualTo(raw);
    }

    @Test
    void ignores_fields_it_does_not_know() {
      ImageManifest m = (ImageManifest) Manifest.parse(json("{'schemaVersion':2,'config':" + CONFIG
          + ",'layers':[],'x-vendor':{'a':[1,2]}}"));

      assertThat(m.layers()).isEmpty();
    }
  }

  @Nested
  class Rejects_with_a_clear_message {
    @Test
    void an_unknown_mediaType() {
      assertThatExceptionOfType(ManifestFormatException.class)
          .isThrownBy(() -> Manifest.parse(json("{'schemaVersion':2,'mediaType':'text/plain','layers':[]}")))
          .withMessageStartingWith("Unknown manifest mediaType 'text/plain'; known: ")
          .withMessageContaining(MediaTypes.OCI_MANIFEST)
          .withMessageContaining(MediaTypes.DOCKER_MANIFEST_LIST);
    }

    @Test
    void bytes_that_are_not_json() {
      assertThatExceptionOfType(ManifestFormatException.class)
          .isThrownBy(() -> Manifest.parse(utf8("<html>not found</html>")))
          .withMessageStartingWith("Manifest is not valid JSON: ");
    }

    @Test
    void trailing_content_after_the_json_object() {
      byte[] raw = utf8(new String(ociManifest().raw(), java.nio.charset.StandardCharsets.UTF_8) + " {}");

      assertThatExceptionOfType(ManifestFormatException.class)
          .isThrownBy(() -> Manifest.parse(raw))
          .withMessageStartingWith("Manifest is not valid JSON: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"schemaVersion\":2}]", "\"manifest\"", "42", "null", ""})
    void json_that_is_not_an_object(String text) {
      assertThatExceptionOfType(ManifestFormatException.class)
          .isThrownBy(() -> Manifest.parse(utf8(text)))
          .withMessage("Manifest is not a JSON object");
    }

    @Test
    void a_manifest_without_config() {
      assertThatExceptionOfType(ManifestFormatException.class)
          .isThrownBy(() -> Manifest.parse(json("{'schemaVersion':2,'mediaType':'" + MediaTypes.OCI_MANIFEST
              + "','layers':[]}")))
          .withMessage("Image manifest has no config descriptor");
    }

    @Test
    void a_manifest_without_layers() {
      assertThatExceptionOfType(ManifestFormatException.class)
          .isThrownBy(() -> Manifest.parse(json("{'schemaVersion':2,'config':" + CONFIG + "}")))
          .withMessage("Image manifest has no layers array");
    }

    @Test
    void an_index_without_manifests() {
      assertThatExceptionOfType(ManifestFormatException.class)
          .isThrownBy(() -> Manifest.parse(json("{'schemaVersion':2,'mediaType':'" + MediaTypes.OCI_INDEX + "'}")))
          .withMessage("Image index has no manifests array");
    }

    @Test
    void a_shapeless_document() {
      assertThatExceptionOfType(ManifestFormatException.class)
          .isThrownBy(() -> Manifest.parse(json("{'schemaVersion':2}")))
          .withMessage("Image manifest has no config descriptor");
    }

    @Test
    void a_malformed_digest_names_the_manifest_type_and_the_field() {
      assertThatExceptionOfType(ManifestFormatException.class)
          .isThrownBy(() -> Manifest.parse(json("{'schemaVersion':2,'config':" + CONFIG + ",'layers':[{'mediaType':'"
              + MediaTypes.OCI_LAYER_TAR_GZIP + "','digest':'sha256:abc','size':1}]}")))
          .withMessageStartingWith("Cannot read ImageManifest")
          .withMessageContaining("layers[0].digest")
          .withMessageContaining("Invalid digest 'sha256:abc'");
    }

    @Test
    void a_descriptor_without_mediaType() {
      assertThatExceptionOfType(ManifestFormatException.class)
          .isThrownBy(() -> Manifest.parse(json("{'schemaVersion':2,'manifests':[{'digest':'" + OCI_CONFIG.digest()
              + "','size':2}]}")))
          .withMessageStartingWith("Cannot read ImageIndex")
          .withMessageContaining("manifests[0]")
          .withMessageContaining("mediaType");
    }

    @Test
    void layers_that_are_not_an_array() {
      assertThatExceptionOfType(ManifestFormatException.class)
          .isThrownBy(() -> ImageManifest.parse(json("{'schemaVersion':2,'config':" + CONFIG + ",'layers':'none'}")))
          .withMessageStartingWith("Cannot read ImageManifest")
          .withMessageContaining("layers");
    }
  }

  @Test
  void a_manifest_type_check_is_possible_with_pattern_matching() {
    Manifest m = Manifest.parse(ociManifest().raw());

    String kind = m instanceof ImageIndex i ? "index of " + i.manifests().size()
        : "image of " + ((ImageManifest) m).layers().size() + " layers";

    assertThat(kind).isEqualTo("image of 2 layers");
    assertThat(List.of(m)).containsExactly(ociManifest());
  }
}
