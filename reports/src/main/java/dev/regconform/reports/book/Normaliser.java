package dev.regconform.reports.book;

import dev.regconform.reports.SecretMasking;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes recorded text stable and safe for the book: what changes every run becomes a placeholder, and secrets are
 * masked again (the run's attachments are redacted already; this is a second net). One instance per check and target,
 * so digests are numbered in order of appearance within what that check did there.
 */
final class Normaliser {
  static final String MASK = SecretMasking.MASK;
  private static final Pattern SECRET_HEADER = Pattern.compile(
      "(?im)^((?:authorization|proxy-authorization|cookie|set-cookie|x-registry-auth)[ \\t]*:)[^\\n]*");
  private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
  /** A server on this machine other than the target: the token server of a token-auth registry, typically. */
  private static final Pattern OTHER_LOCAL = Pattern.compile("https?://(?:127\\.0\\.0\\.1|localhost|\\[::1\\]):[0-9]+");
  /** The same server's address without scheme, e.g. in a token request's Host header. */
  private static final Pattern OTHER_LOCAL_HOST = Pattern.compile("(?:127\\.0\\.0\\.1|localhost|\\[::1\\]):[0-9]+");
  private static final Pattern RUN = Pattern.compile("run-[0-9]{8}-[0-9]{6}-[0-9a-z]{4}(?![0-9a-z])");
  private static final Pattern SESSION = Pattern.compile("(/blobs/uploads/)([^/?#\\s\"'<>]+)");
  private static final Pattern SESSION_HEADER = Pattern.compile("(?im)^(docker-upload-uuid[ \\t]*:[ \\t]*)[^\\n]*");
  private static final Pattern STATE = Pattern.compile("([?&]_state=)[^&\\s\"'<>]*");
  private static final Pattern UUID = Pattern.compile(
      "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
  private static final Pattern DIGEST = Pattern.compile(
      "\\b(sha256|sha512)(:|%3[Aa]|-)((?:[0-9a-f]{64}){1,2})(?![0-9a-f])");
  private static final Pattern DATE_HEADER = Pattern.compile("(?i)^date[ \\t]*:.*");
  private static final Pattern LAST_MODIFIED = Pattern.compile("(?i)^(last-modified[ \\t]*:).*");

  private final String baseUrl;
  private final String authority;
  private final String namespace;
  private final Map<String, Integer> digests = new LinkedHashMap<>();

  /**
   * @param baseUrl the target's base URL, e.g. {@code http://127.0.0.1:5000}; empty to replace none
   * @param namespace the run's namespace, e.g. {@code regconform/run-…}; empty to replace none
   */
  Normaliser(String baseUrl, String namespace) {
    String base = baseUrl == null ? "" : baseUrl.strip();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    this.baseUrl = base;
    int scheme = base.indexOf("://");
    this.authority = scheme < 0 ? "" : base.substring(scheme + 3).split("/", 2)[0];
    this.namespace = namespace == null ? "" : namespace.strip();
  }

  /** Masks secrets only: for text that is not about a target. */
  static String mask(String text) {
    // The attachments were masked when recorded; masked again, with what reports mask everywhere, in case one was not.
    String t = SECRET_HEADER.matcher(text).replaceAll("$1 " + MASK);
    t = SecretMasking.text(t);
    return JWT.matcher(t).replaceAll(Matcher.quoteReplacement(MASK));
  }

  /** Free text (a URL, a message, a body): secrets masked, run-specific values replaced. */
  String text(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String t = mask(text);
    if (!baseUrl.isEmpty()) {
      t = t.replace(baseUrl, "<registry>");
      if (!authority.isEmpty()) {
        t = t.replace(authority, "<registry-host>");
      }
    }
    if (!namespace.isEmpty()) {
      t = t.replace(namespace, "<namespace>").replace(namespace.replace("/", "%2F"), "<namespace>")
          .replace(namespace.replace("/", "%2f"), "<namespace>");
    }
    t = OTHER_LOCAL.matcher(t).replaceAll("<local-server>");
    t = OTHER_LOCAL_HOST.matcher(t).replaceAll("<local-server-host>");
    t = RUN.matcher(t).replaceAll("<run>");
    t = SESSION.matcher(t).replaceAll("$1<session>");
    t = SESSION_HEADER.matcher(t).replaceAll("$1<session>");
    t = STATE.matcher(t).replaceAll("$1<state>");
    t = UUID.matcher(t).replaceAll("<uuid>");
    return digests(t);
  }

  /**
   * A request or response attachment: the head (first line and headers) normalised with {@code Date} dropped and
   * {@code Last-Modified} a placeholder, the body normalised and cut at {@code maxBody} characters, saying so.
   */
  String message(String attachment, int maxBody) {
    String all = attachment == null ? "" : attachment.replace("\r\n", "\n");
    int blank = all.indexOf("\n\n");
    String head = blank < 0 ? all : all.substring(0, blank);
    String body = blank < 0 ? "" : all.substring(blank + 2);
    List<String> lines = new ArrayList<>();
    for (String line : head.split("\n", -1)) {
      if (DATE_HEADER.matcher(line).matches()) {
        continue;
      }
      Matcher lastModified = LAST_MODIFIED.matcher(line);
      lines.add(lastModified.matches() ? lastModified.group(1) + " <date>" : line);
    }
    String shownHead = text(String.join("\n", lines));
    String shownBody = text(stripEnd(body));
    if (shownBody.length() > maxBody) {
      int cut = maxBody;
      if (Character.isHighSurrogate(shownBody.charAt(cut - 1))) {
        cut--;
      }
      shownBody = shownBody.substring(0, cut) + "\n[… the book shows the first " + String.format(Locale.ROOT, "%,d", cut)
          + " of " + String.format(Locale.ROOT, "%,d", shownBody.length()) + " characters of this body]";
    }
    return blank < 0 ? shownHead : shownHead + "\n\n" + shownBody;
  }

  private String digests(String text) {
    Matcher m = DIGEST.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int n = digests.computeIfAbsent(m.group(1) + m.group(3), d -> digests.size() + 1);
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + "<digest-" + n + ">"));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String stripEnd(String s) {
    int end = s.length();
    while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }
}
