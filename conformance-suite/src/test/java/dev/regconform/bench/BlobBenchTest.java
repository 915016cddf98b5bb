package dev.regconform.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regconform.client.RegistryClient;
import dev.regconform.fixtures.images.PseudoRandomBlob;
import dev.regconform.fixtures.images.TestBlob;
import dev.regconform.model.MediaTypes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobBenchTest {
  private static final long SEED = 42;
  private static final long SIZE = 3 * 65536 + 11; // several 64 KiB chunks and a ragged end
  private static final String REPO = "acme/bench";

  private final BlobStore store = BlobStore.start();
  private final RegistryClient registry = RegistryClient.builder(store.baseUri()).connectTimeoutMillis(2_000)
      .readTimeoutMillis(10_000).build();

  @TempDir Path dir;

  @AfterEach
  void stop() {
    store.close();
  }

  @Test
  void a_round_pushes_in_POST_one_PATCH_with_a_Content_Length_and_PUT_then_pulls_and_deletes() {
    BlobBench.Round round = new BlobBench(registry, REPO, SIZE, SEED).run();

    List<BlobStore.Request> requests = store.requests();
    assertThat(requests).extracting(BlobStore.Request::method).containsExactly("POST", "PATCH", "PUT", "GET", "DELETE");
    BlobStore.Request patch = requests.get(1);
    assertThat(patch.contentLength()).as("PATCH Content-Length").isEqualTo(String.valueOf(SIZE));
    assertThat(patch.transferEncoding()).as("PATCH Transfer-Encoding (not chunked)").isNull();
    assertThat(patch.bodyBytes()).as("PATCH body bytes received").isEqualTo(SIZE);
    assertThat(requests.get(2).pathAndQuery()).as("PUT")
        .endsWith("?digest=" + round.digest().toString().replace(":", "%3A"));
    assertThat(requests.get(2).bodyBytes()).as("PUT body bytes").isZero();
    assertThat(requests.get(4).pathAndQuery()).isEqualTo("/v2/" + REPO + "/blobs/" + round.digest());
    assertThat(round.push().bytes()).isEqualTo(SIZE);
    assertThat(round.pull().bytes()).isEqualTo(SIZE);
    assertThat(round.deletion().status()).isEqualTo(202);
    assertThat(round.deletion().deleted()).isTrue();
    assertThat(store.holds(REPO, round.digest())).as("blob still in the store after the round").isFalse();
  }

  @Test
  void the_digest_computed_while_sending_is_the_digest_of_the_seeds_bytes_and_of_what_arrived() {
    TestBlob expected = PseudoRandomBlob.write(dir.resolve("blob"), MediaTypes.OCI_LAYER_TAR, SIZE, SEED);

    BlobBench.Round round = new BlobBench(registry, REPO, SIZE, SEED).run();

    assertThat(round.digest()).as("digest computed while sending vs the file's").isEqualTo(expected.digest());
    assertThat(store.uploadDigests().values()).as("digest of the bytes the registry received")
        .containsExactly(expected.digest().toString());
  }

  @Test
  void every_round_of_one_bench_pushes_the_same_blob() {
    BlobBench bench = new BlobBench(registry, REPO, SIZE, SEED);

    BlobBench.Round first = bench.run();
    BlobBench.Round second = bench.run();

    assertThat(second.digest()).isEqualTo(first.digest());
  }

  @Test
  void a_pull_that_serves_other_bytes_fails_naming_both_digests_and_the_blob_is_deleted_all_the_same() {
    store.corruptPulls();
    TestBlob expected = PseudoRandomBlob.write(dir.resolve("blob"), MediaTypes.OCI_LAYER_TAR, SIZE, SEED);

    assertThatThrownBy(() -> new BlobBench(registry, REPO, SIZE, SEED).run())
        .isInstanceOf(BlobBenchException.class)
        .hasMessageContaining("not the ones pushed")
        .hasMessageContaining("expected " + SIZE + " bytes with digest " + expected.digest());
    assertThat(store.requests()).extracting(BlobStore.Request::method).last().isEqualTo("DELETE");
    assertThat(store.holds(REPO, expected.digest())).isFalse();
  }

  @Test
  void a_registry_that_refuses_to_delete_is_noted_in_the_round_not_thrown() {
    store.deleteStatus(405);

    BlobBench.Round round = new BlobBench(registry, REPO, SIZE, SEED).run();

    assertThat(round.deletion().status()).isEqualTo(405);
    assertThat(round.deletion().deleted()).isFalse();
    assertThat(store.holds(REPO, round.digest())).isTrue();
  }

  @Test
  void a_refused_PATCH_fails_the_round_with_the_answer_and_cancels_the_upload() {
    store.patchStatus(416);

    assertThatThrownBy(() -> new BlobBench(registry, REPO, SIZE, SEED).run())
        .isInstanceOf(BlobBenchException.class)
        .hasMessageContaining("one streamed PATCH")
        .hasMessageContaining("answered 416");
    assertThat(store.requests()).extracting(BlobStore.Request::method).containsExactly("POST", "PATCH", "DELETE");
    assertThat(store.requests().get(2).pathAndQuery()).startsWith("/v2/" + REPO + "/blobs/uploads/");
  }

  @Test
  void warmUp_pushes_pulls_and_deletes_at_most_4_MiB_of_other_bytes_untimed() {
    BlobBench bench = new BlobBench(registry, REPO, 6L << 20, SEED);

    bench.warmUp();

    List<BlobStore.Request> requests = store.requests();
    assertThat(requests).extracting(BlobStore.Request::method).containsExactly("POST", "PATCH", "PUT", "GET", "DELETE");
    assertThat(requests.get(1).bodyBytes()).as("warm-up PATCH body bytes").isEqualTo(4 << 20);
    String warmUpDigest = store.uploadDigests().values().iterator().next();
    assertThat(bench.run().digest().toString()).as("the round's digest vs the warm-up's").isNotEqualTo(warmUpDigest);
  }
}
