package dev.regconform.clients;

import dev.regconform.fixtures.images.TestBlob;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.fixtures.images.TestImageIndex;
import dev.regconform.model.Digest;
import dev.regconform.model.Manifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes test images as an OCI image layout directory (image-spec {@code image-layout.md}): {@code oci-layout},
 * {@code blobs/<algorithm>/<hex>} and an {@code index.json} naming the top manifest with
 * {@code org.opencontainers.image.ref.name}, so {@code skopeo copy oci:DIR:TAG …} finds it.
 */
public final class OciLayout {
  private OciLayout() {}

  /** Writes one image under {@code tag}. */
  public static void write(Path dir, TestImage image, String tag) {
    writeBlobs(dir, image);
    writeManifest(dir, image.manifest());
    writeIndex(dir, image.manifest(), tag);
  }

  /** Writes a multi-platform image: every platform's blobs and manifest, the index under {@code tag}. */
  public static void write(Path dir, TestImageIndex multi, String tag) {
    multi.images().forEach(image -> writeBlobs(dir, image));
    multi.manifests().forEach(manifest -> writeManifest(dir, manifest));
    writeIndex(dir, multi.index(), tag);
  }

  private static void writeBlobs(Path dir, TestImage image) {
    for (TestBlob blob : image.blobs()) {
      Path target = blobPath(dir, blob.digest());
      try {
        Files.createDirectories(target.getParent());
        Files.copy(blob.file(), target, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write blob " + blob.digest() + " to " + target, e);
      }
    }
  }

  private static void writeManifest(Path dir, Manifest manifest) {
    write(blobPath(dir, manifest.digest()), manifest.raw());
  }

  private static void writeIndex(Path dir, Manifest top, String tag) {
    write(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
    String index = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[{"
        + "\"mediaType\":\"" + top.mediaType() + "\",\"digest\":\"" + top.digest() + "\",\"size\":" + top.raw().length
        + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"" + tag + "\"}}]}";
    write(dir.resolve("index.json"), index.getBytes(StandardCharsets.UTF_8));
  }

  static Path blobPath(Path dir, Digest digest) {
    return dir.resolve("blobs").resolve(digest.algorithm().label()).resolve(digest.hex());
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }
}
