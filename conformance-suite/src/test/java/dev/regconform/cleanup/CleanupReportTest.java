package dev.regconform.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regconform.cleanup.CleanupReport.Cause;
import dev.regconform.cleanup.CleanupReport.Leftover;
import java.util.List;
import org.junit.jupiter.api.Test;

class CleanupReportTest {
  private static final String D = "sha256:" + "d".repeat(64);

  private static CleanupReport report(List<LedgerItem> deletedAtTheEnd, List<Leftover> leftovers) {
    return new CleanupReport("http://127.0.0.1:5000", "Distribution", "regconform/run-1", 3, 2, 5, deletedAtTheEnd,
        leftovers);
  }

  @Test
  void everything_gone_is_one_line_with_the_counts() {
    CleanupReport report = report(List.of(), List.of());

    assertThat(report.consoleLine())
        .isEqualTo("cleanup: removed everything the run pushed (3 manifests, 5 blobs; verified)");
    assertThat(report.toJson().path("verified").asBoolean()).isTrue();
  }

  @Test
  void leftovers_are_grouped_by_reason_in_the_line_and_listed_one_by_one_in_json() {
    CleanupReport report = report(List.of(), List.of(
        new Leftover(LedgerItem.manifest("ns/a", D), Cause.NO_DELETE, "the registry does not allow deletes: 405"),
        new Leftover(LedgerItem.blob("ns/a", D), Cause.NO_DELETE, "the registry does not allow deletes: 405"),
        new Leftover(LedgerItem.tag("ns/a", "v1"), Cause.UNKNOWN, "cannot tell: HEAD answered 500 []")));

    assertThat(report.consoleLine()).isEqualTo("cleanup: left behind: 1 manifest, 1 blob (the registry does not allow "
        + "deletes: 405); 1 tag (cannot tell: HEAD answered 500 [])");
    JsonNode json = report.toJson();
    assertThat(json.path("verified").asBoolean()).isFalse();
    assertThat(json.path("leftovers")).hasSize(3);
    assertThat(json.path("leftovers").get(2).toString()).isEqualTo("{\"kind\":\"tag\",\"repository\":\"ns/a\","
        + "\"reference\":\"v1\",\"cause\":\"unknown\",\"reason\":\"cannot tell: HEAD answered 500 []\"}");
    assertThat(List.of(json.path("manifests").asInt(), json.path("tags").asInt(), json.path("blobs").asInt()))
        .containsExactly(3, 2, 5);
  }

  @Test
  void reasons_are_masked_like_every_other_report() {
    Leftover leftover = new Leftover(LedgerItem.blob("ns/a", D), Cause.REMAINS,
        "DELETE answered 500 on DELETE http://h/v2/ns/a/blobs/uploads/x?_state=SECRETSTATE");

    assertThat(leftover.reason()).doesNotContain("SECRETSTATE");
  }

  @Test
  void only_content_left_on_a_registry_that_deletes_is_a_warning() {
    CleanupReport refused = report(List.of(), List.of(new Leftover(LedgerItem.blob("ns/a", D), Cause.NO_DELETE, "405")));
    CleanupReport kept = report(List.of(), List.of(new Leftover(LedgerItem.blob("ns/a", D), Cause.REMAINS, "kept")));

    assertThat(refused.warnings(false)).isEmpty();
    assertThat(kept.warnings(false)).singleElement().asString().startsWith("WARNING: cleanup: 1 blob of the run remain")
        .contains("blob ns/a@" + D);
  }
}
