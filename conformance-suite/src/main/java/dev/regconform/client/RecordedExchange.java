package dev.regconform.client;

import dev.regconform.model.Digest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP exchange as the client saw it, for the reports ({@link ExchangeSteps} makes it an Allure step). Holds no
 * body it did not already have: a body streamed from a file is named by its path, one streamed to a sink by its size
 * and digest.
 *
 * <pre>{@code
 * ExchangeSteps.record(new RecordedExchange(started, "HEAD", url, sent, Body.NONE,
 *     Optional.of(new Answer(200, response.headers(), Body.NONE)), ""));
 * }</pre>
 *
 * @param startMillis when the request went out (epoch milliseconds)
 * @param method the request method
 * @param url the request URL, as sent (not yet masked)
 * @param requestHeaders the request headers, in order, as sent (not yet masked)
 * @param requestBody the request body
 * @param answer the status, headers and body that came back; empty when none did
 * @param note what else the reader must know, e.g. why no answer came (empty when nothing)
 */
record RecordedExchange(long startMillis, String method, String url, List<Map.Entry<String, String>> requestHeaders,
    Body requestBody, Optional<Answer> answer, String note) {

  RecordedExchange {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    requestHeaders = List.copyOf(requestHeaders);
    Objects.requireNonNull(requestBody, "requestBody");
    Objects.requireNonNull(answer, "answer");
    note = note == null ? "" : note;
  }

  /**
   * What came back.
   *
   * @param status the status code
   * @param headers the response headers, in order, repeated names kept
   * @param body the response body
   */
  record Answer(int status, List<Map.Entry<String, String>> headers, Body body) {
    Answer {
      headers = List.copyOf(headers);
      Objects.requireNonNull(body, "body");
    }
  }

  /** A request or response body as far as the client holds it. */
  sealed interface Body {
    /** No body (a GET, a HEAD, a 204). */
    Body NONE = new Bytes(new byte[0]);

    /** Bytes the client holds in memory anyway. */
    record Bytes(byte[] bytes) implements Body {
      public Bytes {
        Objects.requireNonNull(bytes, "bytes");
      }
    }

    /** A body streamed from a file, never read into memory. */
    record FromFile(Path file) implements Body {
      public FromFile {
        Objects.requireNonNull(file, "file");
      }
    }

    /** A body that streamed through to a sink: only its size and its digest (taken on the way) are known. */
    record Streamed(long size, Digest digest) implements Body {
      public Streamed {
        Objects.requireNonNull(digest, "digest");
      }
    }
  }
}
