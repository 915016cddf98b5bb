package dev.regconform.allure;

import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;

/**
 * Escapes {@code &}, {@code <} and {@code >} in the message and trace of every Allure result before it is written.
 * Allure 2's page inserts a result's message and trace as HTML (so that it can colour ANSI escapes): unescaped, the
 * request line of an assertion message ({@code <PUT http://…>}) would vanish as an unknown tag, and whatever a registry
 * put into an answer the message quotes could add markup, even a script or an image from elsewhere, to the page.
 * Registered with Allure through {@code META-INF/services}, so every lifecycle created with Allure's defaults has it.
 *
 * <pre>{@code
 * Expecting response to\n  <PUT http://127.0.0.1:5000/v2/…>   ->   Expecting response to\n  &lt;PUT http://127.0.0.1:5000/v2/…&gt;
 * }</pre>
 */
public final class HtmlSafeStatus implements TestLifecycleListener {
  @Override
  public void beforeTestWrite(TestResult result) {
    StatusDetails details = result.getStatusDetails();
    if (details != null) {
      details.setMessage(escape(details.getMessage()));
      details.setTrace(escape(details.getTrace()));
    }
  }

  /** The text with {@code &}, {@code <} and {@code >} as HTML entities; null stays null. */
  static String escape(String text) {
    return text == null ? null : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
