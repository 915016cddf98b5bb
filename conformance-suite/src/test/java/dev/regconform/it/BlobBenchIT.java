package dev.regconform.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regconform.bench.BlobBench;
import dev.regconform.cli.RegconformCommand;
import dev.regconform.client.RegistryClient;
import dev.regconform.fixtures.distribution.DistributionProcess;
import dev.regconform.fixtures.images.PseudoRandomBlob;
import dev.regconform.fixtures.images.TestBlob;
import dev.regconform.model.Digest;
import dev.regconform.model.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code regconform bench blob} against a native Distribution: the digest computed while sending is the blob's, the
 * registry stores and serves exactly those bytes, the blob is deleted afterwards, and the command's JSON has every
 * field, from a JVM with a 64 MiB heap and a blob larger than that heap. No speed is asserted.
 */
class BlobBenchIT {
  private static final String HEAP = "-Xmx64m";
  private static DistributionProcess registry;

  @BeforeAll
  static void startRegistry() {
    Optional<Path> binary = DistributionProcess.findBinary();
    Assumptions.assumeTrue(binary.isPresent(), "no registry / docker-registry binary (apt-get install docker-registry)");
    registry = DistributionProcess.start(binary.get());
  }

  @AfterAll
  static void stopRegistry() {
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void the_digest_computed_while_sending_is_the_blobs_and_the_registry_stores_and_serves_those_bytes(@TempDir Path dir) {
    long size = 32L << 20;
    TestBlob expected = PseudoRandomBlob.write(dir.resolve("blob"), MediaTypes.OCI_LAYER_TAR, size, 42);
    RegistryClient client = RegistryClient.builder(registry.baseUri()).build();

    BlobBench.Round round = new BlobBench(client, "regconform-it/bench", size, 42).run();

    assertThat(round.digest()).as("digest computed while sending vs the blob written to a file").isEqualTo(expected.digest());
    assertThat(round.push().bytes()).isEqualTo(size);
    assertThat(round.pull().bytes()).isEqualTo(size);
    assertThat(round.deletion().status()).as("DELETE of the blob").isEqualTo(202);
    assertThat(client.headBlob("regconform-it/bench", expected.digest()).status()).as("HEAD after the round").isEqualTo(404);
  }

  @Test
  void the_command_in_a_64_MiB_heap_moves_a_96_MiB_blob_and_prints_json_with_every_field() throws Exception {
    long size = 96L << 20;
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    Path stderr = Files.createTempFile("bench-blob", ".err");
    Process bench = new ProcessBuilder(List.of(java.toString(), HEAP, "-cp", System.getProperty("java.class.path"),
        RegconformCommand.class.getName(), "bench", "blob", "--target", registry.baseUri().toString(),
        "--size", "96MiB", "--json"))
        .redirectError(stderr.toFile()).start();
    String out = new String(bench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bench.waitFor(3, TimeUnit.MINUTES)).as("the command ended").isTrue();
    String err = Files.readString(stderr);
    Files.delete(stderr);

    assertThat(bench.exitValue()).as("exit status; stdout:%n%s%nstderr:%n%s", out, err).isZero();
    assertThat(err).doesNotContain("OutOfMemoryError");
    JsonNode json = new ObjectMapper().readTree(out);
    assertThat(json.get("target").asText()).isEqualTo(registry.baseUri().toString());
    assertThat(json.get("size").asLong()).isEqualTo(size);
    assertThat(json.get("maxHeapMiB").asLong()).as("the forked JVM's heap, MiB").isLessThanOrEqualTo(64);
    assertThat(json.get("digest").asText()).matches("sha256:[0-9a-f]{64}");
    assertThat(json.get("date").asText()).isNotBlank();
    assertThat(json.get("upload").asText()).isEqualTo(BlobBench.UPLOAD);
    for (String direction : new String[] {"push", "pull"}) {
      assertThat(json.get(direction).get("seconds").asDouble()).as(direction + ".seconds").isPositive();
      assertThat(json.get(direction).get("mibPerSecond").asDouble()).as(direction + ".mibPerSecond").isPositive();
    }
    assertThat(json.get("deleted").asBoolean()).isTrue();
    RegistryClient client = RegistryClient.builder(registry.baseUri()).build();
    assertThat(client.headBlob(json.get("repository").asText(), Digest.parse(json.get("digest").asText())).status())
        .as("HEAD of the benchmarked blob afterwards").isEqualTo(404);
  }
}
