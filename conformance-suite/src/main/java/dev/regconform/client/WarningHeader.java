package dev.regconform.client;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spec's rule for {@code Warning} headers (spec "Warnings", catalog R74): each warning is
 * {@code 299 - "text"} — warn-code 299, warn-agent {@code -}, the text a quoted-string, no warn-date — and all
 * {@code Warning} headers of a response together carry at most 4096 bytes.
 *
 * <pre>{@code
 * WarningHeader.problems(List.of("299 - \"token expires soon\""));   // []
 * WarningHeader.problems(List.of("199 registry \"stale\""));        // [one problem naming the value]
 * }</pre>
 */
public final class WarningHeader {
  /** The most bytes all {@code Warning} headers of one response may carry together (their values, ISO-8859-1). */
  public static final int MAX_BYTES = 4096;

  /** One warning-value of RFC 7234 as the spec narrows it; the text is an RFC 9110 quoted-string. */
  private static final String WARNING = "299 - \"(?:[\\t !#-\\[\\]-~\\x80-\\xFF]|\\\\[\\t -~\\x80-\\xFF])*+\"";
  /** A list of them (RFC 9110 list syntax: commas with optional whitespace). */
  private static final Pattern LIST = Pattern.compile("[ \\t]*+" + WARNING + "(?:[ \\t]*+,[ \\t]*+" + WARNING
      + ")*+[ \\t]*+");
  private static final Pattern CODE = Pattern.compile("^\\s*(\\S+)");

  private WarningHeader() {}

  /**
   * What is wrong with the {@code Warning} headers of {@code response}.
   *
   * @param response any answer
   * @return one message per header value that is not a list of {@code 299 - "text"} (naming the part that is wrong),
   *     and one when together they exceed {@link #MAX_BYTES}; empty when they conform or there are none
   */
  public static List<String> problems(RegistryResponse response) {
    return problems(response.headers(Headers.WARNING));
  }

  /**
   * What is wrong with these {@code Warning} header values, as {@link #problems(RegistryResponse)}.
   *
   * @param values the values, one per header line
   * @return the problems; empty when the values conform or there are none
   */
  public static List<String> problems(List<String> values) {
    List<String> problems = new ArrayList<>();
    int bytes = 0;
    for (String value : values) {
      // Header bytes are read as ISO-8859-1, one char per byte.
      bytes += value.length();
      if (!LIST.matcher(value).matches()) {
        problems.add("Warning: " + value + " is not a list of 299 - \"<text>\"" + hint(value));
      }
    }
    if (bytes > MAX_BYTES) {
      problems.add("the Warning headers carry " + bytes + " bytes together, more than " + MAX_BYTES);
    }
    return problems;
  }

  /** Names the first part that is wrong, when it is the code or the agent. */
  private static String hint(String value) {
    Matcher code = CODE.matcher(value);
    if (code.find() && !code.group(1).equals("299")) {
      return " (warn-code " + code.group(1) + ", not 299)";
    }
    String rest = value.strip().substring(Math.min(3, value.strip().length())).strip();
    if (!rest.startsWith("- ") && !rest.startsWith("-\t")) {
      return " (the warn-agent is not -)";
    }
    return " (the text is not one quoted-string, or a warn-date or more follows it)";
  }
}
