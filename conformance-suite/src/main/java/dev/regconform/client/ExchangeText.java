package dev.regconform.client;

import dev.regconform.client.RecordedExchange.Body;
import dev.regconform.model.Digest;
import dev.regconform.model.DigestAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An exchange as a person reads it in a report: the step name {@code METHOD URL -> STATUS}, and the request and the
 * response as text (line, headers, blank line, body). Everything goes through {@link Redaction}. A text body shows its
 * first {@value #MAX_TEXT_BYTES} bytes and says how much was cut; a binary body (a blob) shows only its size and
 * digest. A body streamed from a file is digested by streaming it again, never read into memory.
 *
 * <pre>{@code
 * String name = ExchangeText.stepName(exchange);    // PUT http://127.0.0.1:5000/v2/a/blobs/uploads/1?_state=*** -> 201
 * String request = ExchangeText.request(exchange);
 * }</pre>
 */
final class ExchangeText {
  /** How much of a text body a report shows. */
  static final int MAX_TEXT_BYTES = 4096;
  /** How much of a body without a text Content-Type is looked at to tell text from binary. */
  private static final int SNIFF_BYTES = 8192;
  private static final Set<String> TEXT_TYPES = Set.of("application/x-www-form-urlencoded", "application/javascript");
  private static final List<String> BINARY_TYPE_MARKS = List.of("octet-stream", "tar", "gzip", "zstd", "zip");

  private ExchangeText() {}

  /** {@code METHOD URL -> STATUS}, or {@code -> no response}; the URL masked. */
  static String stepName(RecordedExchange exchange) {
    return exchange.method() + " " + Redaction.text(exchange.url()) + " -> "
        + exchange.answer().map(a -> String.valueOf(a.status())).orElse("no response");
  }

  /** The request line, its headers and its body. */
  static String request(RecordedExchange exchange) {
    StringBuilder text = new StringBuilder(exchange.method()).append(' ').append(Redaction.text(exchange.url()))
        .append('\n');
    appendHeaders(text, exchange.requestHeaders());
    return text.append('\n').append(body(exchange.requestBody(), contentType(exchange.requestHeaders()))).append('\n')
        .toString();
  }

  /** The status, the headers and the body that came back, or why nothing did; then the exchange's note. */
  static String response(RecordedExchange exchange) {
    String note = Redaction.text(exchange.note());
    if (exchange.answer().isEmpty()) {
      return "No response" + (note.isEmpty() ? "" : ": " + note) + "\n";
    }
    RecordedExchange.Answer answer = exchange.answer().get();
    StringBuilder text = new StringBuilder("HTTP ").append(answer.status()).append('\n');
    appendHeaders(text, answer.headers());
    text.append('\n').append(body(answer.body(), contentType(answer.headers()))).append('\n');
    return note.isEmpty() ? text.toString() : text.append("\nNote: ").append(note).append('\n').toString();
  }

  /**
   * A body as shown: {@code (no body)}; its text, masked, cut after {@value #MAX_TEXT_BYTES} bytes with a note of how
   * much was cut; or for a binary body {@code <binary body, not attached: N bytes, sha256:…>}.
   *
   * @param contentType the Content-Type that came with it, or null
   */
  static String body(Body body, String contentType) {
    if (body instanceof Body.FromFile file) {
      return fileSummary(file);
    }
    if (body instanceof Body.Streamed streamed) {
      return "<body streamed through, not kept: " + bytes(streamed.size()) + ", " + streamed.digest() + ">";
    }
    byte[] content = ((Body.Bytes) body).bytes();
    if (content.length == 0) {
      return "(no body)";
    }
    return isText(contentType, content) ? text(content)
        : "<binary body, not attached: " + bytes(content.length) + ", " + Digest.sha256(content) + ">";
  }

  /**
   * Whether a body is text: by its Content-Type when that names text (JSON, XML, forms, {@code text/*}) or binary
   * content (octet-stream, tar, gzip, …); otherwise by its bytes (UTF-8 without control characters).
   */
  static boolean isText(String contentType, byte[] bytes) {
    String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (type.startsWith("text/") || type.endsWith("json") || type.contains("+json") || type.endsWith("xml")
        || type.contains("yaml") || TEXT_TYPES.contains(type)) {
      return true;
    }
    if (BINARY_TYPE_MARKS.stream().anyMatch(type::contains) || type.startsWith("image/") || type.startsWith("audio/")
        || type.startsWith("video/")) {
      return false;
    }
    return looksLikeText(bytes);
  }

  private static String text(byte[] bytes) {
    int shown = Math.min(bytes.length, MAX_TEXT_BYTES);
    String text = new String(bytes, 0, shown, StandardCharsets.UTF_8);
    boolean cut = shown < bytes.length;
    if (cut && text.endsWith("\uFFFD")) { // a character the cut split in two
      text = text.substring(0, text.length() - 1);
    }
    // Masked after the cut: the patterns also mask a secret the cut left without its closing quote.
    text = Redaction.text(text);
    return !cut ? text : text + "\n[truncated: the first " + bytes(shown) + " of " + bytes(bytes.length) + " shown, "
        + bytes(bytes.length - shown) + " cut]";
  }

  private static String fileSummary(Body.FromFile body) {
    try (InputStream in = Files.newInputStream(body.file())) {
      CountingInputStream counting = new CountingInputStream(in);
      Digest digest = Digest.of(DigestAlgorithm.SHA256, counting);
      return "<body streamed from a file, not attached: " + bytes(counting.count) + ", " + digest + ">";
    } catch (IOException e) {
      return "<body streamed from a file, not attached; it could not be read again for its digest: " + e + ">";
    }
  }

  private static boolean looksLikeText(byte[] bytes) {
    int n = Math.min(bytes.length, SNIFF_BYTES);
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xff;
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' || b == 0x7f) {
        return false;
      }
    }
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    // Not the end of input when the sample stops short of the body: a character cut in two there is no error.
    return !utf8.decode(ByteBuffer.wrap(bytes, 0, n), CharBuffer.allocate(n), n == bytes.length).isError();
  }

  private static void appendHeaders(StringBuilder text, List<Map.Entry<String, String>> headers) {
    for (Map.Entry<String, String> h : headers) {
      text.append(h.getKey()).append(": ").append(Redaction.text(Redaction.headerValue(h.getKey(), h.getValue())))
          .append('\n');
    }
  }

  private static String contentType(List<Map.Entry<String, String>> headers) {
    return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(Headers.CONTENT_TYPE)).map(Map.Entry::getValue)
        .findFirst().orElse(null);
  }

  private static String bytes(long n) {
    return String.format(Locale.ROOT, "%,d bytes", n);
  }

  /** Counts what passes through, so a file's size comes from the same single read as its digest. */
  private static final class CountingInputStream extends java.io.FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      count += Math.max(n, 0);
      return n;
    }
  }
}
