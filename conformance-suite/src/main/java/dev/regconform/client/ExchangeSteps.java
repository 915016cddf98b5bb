package dev.regconform.client;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StepResult;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.http.Header;
import org.apache.http.HttpRequestInterceptor;

/**
 * Makes every HTTP exchange of the client an Allure step of the check that is running on this thread: named
 * {@code METHOD URL -> STATUS}, with a {@code Request} and a {@code Response} attachment ({@link ExchangeText}). Called
 * by each sender ({@link RegistryHttp}, {@link StreamingDownloads}, {@link ShortBodySender}) once the exchange is
 * over. Outside a check (no Allure test or step current on the thread, e.g. a class's setup or the run's preflight) it
 * does nothing. Allure keeps the current test per thread, so checks on several threads each get their own steps.
 *
 * <pre>{@code
 * SentHeaders.reset();
 * Response response = request.request(method, url);   // the HTTP client's interceptor fills SentHeaders
 * ExchangeSteps.record(new RecordedExchange(start, method, url, SentHeaders.take().orElse(asGiven), …));
 * }</pre>
 */
final class ExchangeSteps {
  static final String REQUEST = "Request";
  static final String RESPONSE = "Response";

  private ExchangeSteps() {}

  /**
   * Adds the exchange as a step of the current check (a report problem never breaks the check), and tells the
   * {@link ExchangeListeners}.
   */
  static void record(RecordedExchange exchange) {
    ExchangeListeners.tell(exchange);
    AllureLifecycle lifecycle = Allure.getLifecycle();
    Optional<String> parent = lifecycle.getCurrentTestCaseOrStep();
    if (parent.isEmpty()) {
      return;
    }
    try {
      // Rendered first: the step's time is the exchange's, not the time a file's digest takes.
      byte[] request = ExchangeText.request(exchange).getBytes(StandardCharsets.UTF_8);
      byte[] response = ExchangeText.response(exchange).getBytes(StandardCharsets.UTF_8);
      String uuid = UUID.randomUUID().toString();
      lifecycle.startStep(parent.get(), uuid, new StepResult().setName(ExchangeText.stepName(exchange)));
      try {
        lifecycle.addAttachment(REQUEST, "text/plain", ".txt", request);
        lifecycle.addAttachment(RESPONSE, "text/plain", ".txt", response);
      } finally {
        // An HTTP answer, whatever its status, is what the check looks at; only no answer is a broken step.
        lifecycle.updateStep(uuid, step -> step.setStart(exchange.startMillis())
            .setStatus(exchange.answer().isPresent() ? Status.PASSED : Status.BROKEN));
        lifecycle.stopStep(uuid);
      }
    } catch (RuntimeException reportProblem) {
      // The check's verdict matters more than its report; Allure logs its own problems.
    }
  }

  /**
   * The headers of the request the HTTP client really sent (after Apache HttpClient added its own:
   * Content-Length, Host, User-Agent, …), caught by an interceptor that runs last, on the sending thread.
   */
  static final class SentHeaders {
    private static final ThreadLocal<List<Map.Entry<String, String>>> SENT = new ThreadLocal<>();

    /** Catches the headers of each request the client it is added to sends. */
    static final HttpRequestInterceptor INTERCEPTOR = (request, context) -> {
      List<Map.Entry<String, String>> headers = new ArrayList<>();
      for (Header h : request.getAllHeaders()) {
        headers.add(new AbstractMap.SimpleImmutableEntry<>(h.getName(), h.getValue()));
      }
      SENT.set(headers);
    };

    private SentHeaders() {}

    /** Forgets what the last request on this thread sent. */
    static void reset() {
      SENT.remove();
    }

    /** The headers of the last request sent on this thread since {@link #reset()}, if the interceptor saw it. */
    static Optional<List<Map.Entry<String, String>>> take() {
      List<Map.Entry<String, String>> headers = SENT.get();
      SENT.remove();
      return Optional.ofNullable(headers);
    }
  }
}
