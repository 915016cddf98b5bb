package dev.regconform.scenarios;

import static dev.regconform.assertions.RegistryAssertions.assertThat;

import dev.regconform.client.RegistryResponse;
import dev.regconform.client.StreamedBlob;
import dev.regconform.fixtures.images.PseudoRandomBlob;
import dev.regconform.fixtures.images.TestBlob;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.LongRunning;
import dev.regconform.model.MediaTypes;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A layer of a few hundred MiB (spec end-4a, end-5, end-6, then end-2), pushed in one streamed PATCH and pulled back
 * streamed: neither side holds it in memory, so the check runs in a small heap. Its size is the configuration
 * parameter {@value #SIZE} (bytes, or with KiB, MiB or GiB), 300 MiB by default.
 */
@Tag("push")
@LongRunning
public class LargeBlobScenarios extends ScenarioSupport {
  /** Configuration parameter: the size of the large blob, e.g. {@code 314572800} or {@code 300MiB}. */
  public static final String SIZE = "regconform.large-blob.size";
  public static final long DEFAULT_SIZE = 300L << 20;
  private static final Pattern SIZE_SYNTAX = Pattern.compile("(\\d+)\\s*([KMG]iB)?");

  @Test
  @CheckId("push.blob.large-streamed")
  @Covers({"R20", "R28", "R23", "R9", "R10"})
  void a_layer_of_hundreds_of_MiB_streams_up_in_one_PATCH_and_down_again_with_its_digest_and_size(@TempDir Path dir) {
    long size = scenario.configuration(SIZE).map(LargeBlobScenarios::parseSize).orElse(DEFAULT_SIZE);
    TestBlob blob = PseudoRandomBlob.write(dir.resolve("large-layer"), MediaTypes.OCI_LAYER_TAR_GZIP, size,
        System.nanoTime());

    // POST, one PATCH streamed from the file, PUT ?digest
    RegistryResponse patch = registry.patchUpload(Content.location(registry.startUpload(repo)), blob.file());
    assertThat(patch).hasStatus(202).hasLocationHeader();
    RegistryResponse put = registry.completeUpload(Content.location(patch), blob.digest(), null);
    scenario.cleanup().recordBlob(repo, blob.digest());
    assertThat(put).hasStatus(201).hasContentDigest(blob.digest());

    StreamedBlob pulled = registry.getBlobTo(repo, blob.digest(), OutputStream.nullOutputStream());
    assertThat(pulled.response()).hasStatus(200).hasContentLength(size).hasContentDigest(blob.digest());
    if (pulled.size() != size || !pulled.digest().equals(blob.digest())) {
      throw new AssertionError(String.format("%nExpecting the body of%n  <%s>%nto have digest:%n  <%s>%nand size:%n  <%d>"
              + "%nbut the bytes received have digest:%n  <%s>%nand size:%n  <%d>%nExchange:%n  %s",
          pulled.response().requestLine(), blob.digest(), size, pulled.digest(), pulled.size(),
          pulled.describe().replace("\n", "\n  ")));
    }
  }

  /** {@code 314572800}, {@code 300MiB}, {@code 1 GiB} as bytes. */
  public static long parseSize(String value) {
    Matcher m = SIZE_SYNTAX.matcher(value.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("Invalid " + SIZE + " '" + value + "': expected bytes, or a number with KiB, "
          + "MiB or GiB, e.g. 300MiB");
    }
    int shift = m.group(2) == null ? 0 : switch (m.group(2).toUpperCase(Locale.ROOT)) {
      case "KIB" -> 10;
      case "MIB" -> 20;
      default -> 30;
    };
    return Long.parseLong(m.group(1)) << shift;
  }
}
