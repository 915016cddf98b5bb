package dev.regconform.reports;

/**
 * Escaping for the toolkit's self-contained HTML pages (the conformance matrix, the behaviour book): text made safe for
 * element content and attribute values, and for an XML parser too.
 */
public final class HtmlEscape {
  private HtmlEscape() {}

  /**
   * Escapes {@code &}, {@code <}, {@code >}, both quotes; keeps tab and newline, drops carriage returns, and replaces the
   * other control characters, lone surrogates and the non-characters U+FFFE/U+FFFF (none of which HTML or XML can
   * carry) with U+FFFD.
   *
   * @param text any text, not null
   * @return the escaped text
   */
  public static String text(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    text.codePoints().forEach(cp -> {
      switch (cp) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        case '\n', '\t' -> sb.appendCodePoint(cp);
        case '\r' -> { }
        default -> sb.appendCodePoint(Character.isISOControl(cp) || cp == 0xFFFE || cp == 0xFFFF
            || (cp >= 0xD800 && cp <= 0xDFFF) ? 0xFFFD : cp);
      }
    });
    return sb.toString();
  }
}
