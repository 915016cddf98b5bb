package dev.regconform.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hears every HTTP exchange any {@link RegistryClient} in this JVM reports (token requests included): the CLI's
 * {@code OCI_DEBUG} lines, and the run's ledger of what it stored ({@code dev.regconform.cleanup.RunLedger}). A
 * listener gets the request line and the status; one that overrides {@link Listener#exchanged(Exchange)} also gets
 * the answer's headers and the request body the client held in memory. The URL is as sent, so a listener that prints
 * it redacts it first ({@link Redaction#url}).
 */
public final class ExchangeListeners {
  /**
   * Told about each exchange, on the thread that made it, right after the answer (or the failure) arrived: it must be
   * thread-safe and quick, and must not throw.
   */
  @FunctionalInterface
  public interface Listener {
    /**
     * One exchange, by its request line and status.
     *
     * @param method the request method
     * @param url the request URL, as sent (not masked)
     * @param status the answer's status; empty when no answer came (the connection failed)
     */
    void exchanged(String method, String url, OptionalInt status);

    /**
     * The exchange with the answer's headers and the request body; by default only its request line and status go on
     * to {@link #exchanged(String, String, OptionalInt)}.
     *
     * @param exchange the exchange
     */
    default void exchanged(Exchange exchange) {
      exchanged(exchange.method(), exchange.url(), exchange.status());
    }
  }

  /**
   * One exchange as a listener sees it.
   *
   * @param method the request method
   * @param url the request URL, as sent (not masked)
   * @param status the answer's status; empty when no answer came
   * @param responseHeaders the answer's headers, in order, repeated names kept (none when no answer came)
   * @param requestBody the request body when the client held it in memory (a manifest, a short blob); empty for a
   *     body streamed from a file or none at all. Shared, not copied: a listener must not change it
   */
  public record Exchange(String method, String url, OptionalInt status, List<Map.Entry<String, String>> responseHeaders,
      Optional<byte[]> requestBody) {
    /**
     * An exchange; the headers are copied.
     *
     * @param method the request method
     * @param url the request URL, as sent
     * @param status the answer's status; empty when no answer came
     * @param responseHeaders the answer's headers, in order
     * @param requestBody the request body held in memory, if any
     */
    public Exchange {
      responseHeaders = List.copyOf(responseHeaders);
    }

    /**
     * The first value of a response header.
     *
     * @param name the header's name, matched case-insensitively
     * @return its first value; empty when the answer has no such header (or there was no answer)
     */
    public Optional<String> responseHeader(String name) {
      return responseHeaders.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
          .findFirst();
    }
  }

  private static final CopyOnWriteArrayList<Listener> LISTENERS = new CopyOnWriteArrayList<>();

  private ExchangeListeners() {}

  /**
   * Starts telling {@code listener} about every exchange of every client in this JVM, until {@link #remove}. Safe to
   * call from any thread.
   *
   * @param listener the listener; added again, it is told twice
   */
  public static void add(Listener listener) {
    LISTENERS.add(listener);
  }

  /**
   * Stops telling {@code listener}; an exchange under way may still reach it.
   *
   * @param listener a listener given to {@link #add}; nothing happens for one that was not
   */
  public static void remove(Listener listener) {
    LISTENERS.remove(listener);
  }

  static void tell(RecordedExchange recorded) {
    if (LISTENERS.isEmpty()) {
      return;
    }
    Optional<byte[]> body = recorded.requestBody() instanceof RecordedExchange.Body.Bytes bytes
        && bytes.bytes().length > 0 ? Optional.of(bytes.bytes()) : Optional.empty();
    Exchange exchange = new Exchange(recorded.method(), recorded.url(),
        recorded.answer().map(a -> OptionalInt.of(a.status())).orElse(OptionalInt.empty()),
        recorded.answer().map(RecordedExchange.Answer::headers).orElse(List.of()), body);
    for (Listener listener : LISTENERS) {
      listener.exchanged(exchange);
    }
  }
}
