package dev.regconform.allure;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;
import org.junit.jupiter.api.Test;

class HtmlSafeStatusTest {
  private static final String MESSAGE = "Expecting response to\n  <PUT http://127.0.0.1:5000/v2/a/blobs/uploads/1?_state=***&digest=sha256:ab>\n"
      + "to have status:\n  <201>\nbut was:\n  <400>\n{\"message\":\"<img src=https://elsewhere.example/x.png>\"}";

  @Test
  void message_and_trace_are_escaped_for_a_page_that_inserts_them_as_html() {
    TestResult result = new TestResult().setStatusDetails(new StatusDetails().setMessage(MESSAGE)
        .setTrace("java.lang.AssertionError: " + MESSAGE + "\n\tat Check.run(Check.java:1)"));

    new HtmlSafeStatus().beforeTestWrite(result);

    assertThat(result.getStatusDetails().getMessage()).isEqualTo("Expecting response to\n"
        + "  &lt;PUT http://127.0.0.1:5000/v2/a/blobs/uploads/1?_state=***&amp;digest=sha256:ab&gt;\n"
        + "to have status:\n  &lt;201&gt;\nbut was:\n  &lt;400&gt;\n"
        + "{\"message\":\"&lt;img src=https://elsewhere.example/x.png&gt;\"}");
    assertThat(result.getStatusDetails().getTrace()).startsWith("java.lang.AssertionError: Expecting response to\n  &lt;PUT")
        .doesNotContain("<").doesNotContain(">");
  }

  @Test
  void a_result_without_details_or_message_is_left_alone() {
    TestResult passed = new TestResult();
    TestResult skipped = new TestResult().setStatusDetails(new StatusDetails().setMessage("disabled by configuration: x"));

    new HtmlSafeStatus().beforeTestWrite(passed);
    new HtmlSafeStatus().beforeTestWrite(skipped);

    assertThat(passed.getStatusDetails()).isNull();
    assertThat(skipped.getStatusDetails().getMessage()).isEqualTo("disabled by configuration: x");
    assertThat(skipped.getStatusDetails().getTrace()).isNull();
  }

  @Test
  void every_lifecycle_made_with_allures_defaults_escapes_what_it_writes() {
    InMemoryAllureResults results = new InMemoryAllureResults();
    AllureLifecycle lifecycle = new AllureLifecycle(results);
    lifecycle.scheduleTestCase(new TestResult().setUuid("u1").setStatus(Status.FAILED)
        .setStatusDetails(new StatusDetails().setMessage("<b>bold</b>")));
    lifecycle.startTestCase("u1");
    lifecycle.stopTestCase("u1");

    lifecycle.writeTestCase("u1");

    assertThat(results.tests()).singleElement()
        .satisfies(t -> assertThat(t.getStatusDetails().getMessage()).isEqualTo("&lt;b&gt;bold&lt;/b&gt;"));
  }
}
