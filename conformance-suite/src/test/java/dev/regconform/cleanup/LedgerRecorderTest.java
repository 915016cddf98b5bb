package dev.regconform.cleanup;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.client.ExchangeListeners.Exchange;
import dev.regconform.model.Digest;
import java.net.URI;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerRecorderTest {
  private static final String BASE = "http://127.0.0.1:5999";
  private static final String A = "sha256:" + "a".repeat(64);
  private static final String B = "sha256:" + "b".repeat(64);
  private static final String SHA512 = "sha512:" + "c".repeat(128);

  private RunLedger ledger;

  @BeforeEach
  void open() {
    ledger = RunLedger.open(URI.create(BASE));
  }

  @AfterEach
  void close() {
    ledger.close();
  }

  private static void exchange(String method, String path, int status, Map<String, String> headers, byte[] body) {
    LedgerRecorder.INSTANCE.exchanged(new Exchange(method, BASE + path, OptionalInt.of(status),
        headers.entrySet().stream().map(e -> (Map.Entry<String, String>) new SimpleImmutableEntry<>(e.getKey(),
            e.getValue())).toList(), Optional.ofNullable(body)));
  }

  private List<String> items() {
    return ledger.items().stream().map(LedgerItem::toString).toList();
  }

  @Test
  void a_manifest_put_under_a_tag_records_the_tag_and_the_digest_the_registry_names() {
    exchange("PUT", "/v2/ns/app/manifests/v1", 201, Map.of("Docker-Content-Digest", A), "{}".getBytes(UTF_8));

    assertThat(items()).containsExactly("manifest ns/app@" + A, "tag ns/app:v1");
  }

  @Test
  void without_a_digest_header_the_manifest_is_recorded_under_the_sha256_of_the_bytes_sent() {
    byte[] body = "{\"schemaVersion\":2}".getBytes(UTF_8);
    exchange("PUT", "/v2/ns/app/manifests/v1", 201, Map.of(), body);

    assertThat(items()).containsExactly("manifest ns/app@" + Digest.sha256(body), "tag ns/app:v1");
  }

  @Test
  void tag_parameters_of_a_manifest_put_by_digest_are_tags_too() {
    exchange("PUT", "/v2/ns/app/manifests/" + A + "?tag=one&tag=two", 201, Map.of("Docker-Content-Digest", A), null);

    assertThat(items()).containsExactly("manifest ns/app@" + A, "tag ns/app:one", "tag ns/app:two");
  }

  @Test
  void a_blob_pushed_as_sha512_is_recorded_under_the_sha256_name_the_answer_gives_as_well() {
    exchange("PUT", "/v2/ns/app/blobs/uploads/u1?_state=x&digest=" + SHA512.replace(":", "%3A"), 201,
        Map.of("Docker-Content-Digest", A, "Location", BASE + "/v2/ns/app/blobs/" + A), null);

    assertThat(items()).containsExactly("blob ns/app@" + SHA512, "blob ns/app@" + A);
  }

  @Test
  void a_blob_upload_completed_at_an_opaque_location_takes_the_repository_of_its_answer() {
    exchange("PUT", "/uploads/opaque-123?digest=" + A, 201, Map.of("Location", "/v2/ns/other/blobs/" + A), null);

    assertThat(items()).containsExactly("blob ns/other@" + A);
  }

  @Test
  void a_mount_or_monolithic_post_counts_on_201_only_as_202_opens_an_upload_session() {
    exchange("POST", "/v2/ns/app/blobs/uploads/?mount=" + A + "&from=ns/src", 201, Map.of(), null);
    exchange("POST", "/v2/ns/app/blobs/uploads/?mount=" + B + "&from=ns/src", 202, Map.of(), null);
    exchange("POST", "/v2/ns/mono/blobs/uploads/?digest=" + B, 201, Map.of(), null);

    assertThat(items()).containsExactly("blob ns/app@" + A, "blob ns/mono@" + B);
  }

  @Test
  void refused_writes_store_nothing() {
    exchange("PUT", "/v2/ns/app/manifests/v1", 400, Map.of(), "{}".getBytes(UTF_8));
    exchange("PUT", "/v2/ns/app/blobs/uploads/u1?digest=" + A, 400, Map.of(), null);
    exchange("GET", "/v2/ns/app/manifests/v1", 200, Map.of("Docker-Content-Digest", A), null);

    assertThat(items()).isEmpty();
  }

  @Test
  void a_delete_answered_202_or_404_marks_the_item_removed() {
    exchange("PUT", "/v2/ns/app/manifests/v1", 201, Map.of("Docker-Content-Digest", A), null);
    exchange("POST", "/v2/ns/app/blobs/uploads/?digest=" + B, 201, Map.of(), null);
    exchange("DELETE", "/v2/ns/app/manifests/" + A, 202, Map.of(), null);
    exchange("DELETE", "/v2/ns/app/blobs/" + B, 404, Map.of(), null);
    exchange("DELETE", "/v2/ns/app/manifests/v1", 405, Map.of(), null);

    assertThat(ledger.pending()).extracting(LedgerItem::toString).containsExactly("tag ns/app:v1");
  }

  @Test
  void exchanges_with_another_host_and_unreadable_urls_are_ignored() {
    LedgerRecorder.INSTANCE.exchanged(new Exchange("PUT", "http://127.0.0.1:6000/v2/ns/app/manifests/v1",
        OptionalInt.of(201), List.of(), Optional.empty()));
    LedgerRecorder.INSTANCE.exchanged(new Exchange("PUT", BASE + "/v2/ns/app/manifests/a b", OptionalInt.of(201),
        List.of(), Optional.empty()));

    assertThat(items()).isEmpty();
  }
}
