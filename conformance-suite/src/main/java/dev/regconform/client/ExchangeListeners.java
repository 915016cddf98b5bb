package dev.regconform.client;

import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hears every HTTP exchange any {@link RegistryClient} in this JVM reports (token requests included): the CLI's
 * {@code OCI_DEBUG} lines. A listener gets the request line and the status only, never headers or bodies; the URL is
 * as sent, so a listener that prints it redacts it first ({@link Redaction#url}).
 */
public final class ExchangeListeners {
  /** One exchange: {@code status} empty when no answer came (the connection failed). */
  @FunctionalInterface
  public interface Listener {
    void exchanged(String method, String url, OptionalInt status);
  }

  private static final CopyOnWriteArrayList<Listener> LISTENERS = new CopyOnWriteArrayList<>();

  private ExchangeListeners() {}

  public static void add(Listener listener) {
    LISTENERS.add(listener);
  }

  public static void remove(Listener listener) {
    LISTENERS.remove(listener);
  }

  static void tell(String method, String url, OptionalInt status) {
    for (Listener listener : LISTENERS) {
      listener.exchanged(method, url, status);
    }
  }
}
