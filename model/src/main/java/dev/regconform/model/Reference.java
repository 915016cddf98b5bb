package dev.regconform.model;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image reference {@code [host[:port]/]path[:tag][@digest]}, parsed with the rules of Docker's
 * {@code distribution/reference} grammar.
 *
 * <pre>{@code
 * Reference.parse("ghcr.io/owner/app")            // tag "latest": clients default to it
 * Reference.parse("127.0.0.1:5000/owner/app:1.3")
 * Reference.parse("owner/app@sha256:2c26b4…")     // digest only: no tag
 * }</pre>
 *
 * <p>Unlike {@code docker pull}, a reference without a host is not normalised to Docker Hub: the host stays
 * empty and the repository is used as written.
 *
 * @param registry host and optional port, or {@code null} when the reference names none
 * @param repository the repository path, e.g. {@code owner/app}
 * @param tag the tag, or {@code null} when the reference is by digest only
 * @param digest the digest, or {@code null}
 * @see <a href="https://github.com/distribution/reference/blob/main/reference.go">distribution/reference grammar</a>
 */
public record Reference(String registry, String repository, String tag, Digest digest) {
  /** The tag clients use when a reference names neither a tag nor a digest. */
  public static final String DEFAULT_TAG = "latest";
  /** Maximum length of a repository name, including the host, as Docker enforces it. */
  public static final int NAME_TOTAL_LENGTH_MAX = 255;

  /** {@code [a-z0-9]+} joined by one of {@code .}, {@code _}, {@code __} or any number of {@code -}. */
  private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  /** One or more path components separated by {@code /}. */
  private static final Pattern REPOSITORY = Pattern.compile(PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*");
  /** A word character, then up to 127 word characters, dots or dashes. */
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  /** A domain name or IPv4 address, or a bracketed IPv6 address, with an optional port. */
  private static final Pattern HOST = Pattern.compile(
      "(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\\[[0-9A-Fa-f:.]+])(?::[0-9]+)?");

  /**
   * Checks each part against the reference grammar, so an invalid name fails here and not at the registry.
   *
   * @param registry {@code host[:port]}, or {@code null}
   * @param repository required; with the host at most {@link #NAME_TOTAL_LENGTH_MAX} characters
   * @param tag or {@code null}
   * @param digest or {@code null}
   * @throws IllegalArgumentException saying which part is invalid and why
   */
  public Reference {
    Objects.requireNonNull(repository, "repository");
    if (registry != null && !HOST.matcher(registry).matches()) {
      throw new IllegalArgumentException("Invalid registry host '" + registry + "': expected host[:port]");
    }
    if (!REPOSITORY.matcher(repository).matches()) {
      throw new IllegalArgumentException("Invalid repository name '" + repository + "': " + repositoryProblem(repository));
    }
    int total = repository.length() + (registry == null ? 0 : registry.length() + 1);
    if (total > NAME_TOTAL_LENGTH_MAX) {
      throw new IllegalArgumentException("Invalid repository name: " + total + " characters long (host included), "
          + "more than the " + NAME_TOTAL_LENGTH_MAX + " allowed");
    }
    if (tag != null && !TAG.matcher(tag).matches()) {
      throw new IllegalArgumentException("Invalid tag '" + tag + "': a tag is 1 to 128 characters "
          + "[A-Za-z0-9_.-] and must not start with '.' or '-'");
    }
  }

  /**
   * Parses a reference; a reference with neither tag nor digest gets the tag {@code latest}.
   *
   * @param text e.g. {@code 127.0.0.1:5000/owner/app:1.3}; the first path component is the host when it has a
   *     {@code .} or a {@code :}, is {@code localhost}, or has upper case (Docker's rule)
   * @return the reference
   * @throws IllegalArgumentException saying which part of {@code text} is wrong
   */
  public static Reference parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      throw new IllegalArgumentException("Invalid reference '': empty");
    }
    String rest = text;
    Digest digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      try {
        digest = Digest.parse(rest.substring(at + 1));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Invalid reference '" + text + "': " + e.getMessage(), e);
      }
      rest = rest.substring(0, at);
    }
    String registry = null;
    int slash = rest.indexOf('/');
    if (slash > 0) {
      String first = rest.substring(0, slash);
      // Docker's rule: the first component is a host when it has a '.' or a ':', is "localhost", or has upper case.
      if (first.contains(".") || first.contains(":") || first.equals("localhost") || !first.equals(first.toLowerCase())) {
        registry = first;
        rest = rest.substring(slash + 1);
      }
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon >= 0) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    if (tag == null && digest == null) {
      tag = DEFAULT_TAG;
    }
    try {
      return new Reference(registry, rest, tag, digest);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid reference '" + text + "': " + e.getMessage(), e);
    }
  }

  /**
   * A reference to {@code repository:tag} with no host, as the registry client's calls take it.
   *
   * @param repository e.g. {@code owner/app}
   * @param tag e.g. {@code 1.3}
   * @return the reference
   * @throws IllegalArgumentException when either does not match the grammar
   */
  public static Reference of(String repository, String tag) {
    return new Reference(null, repository, tag, null);
  }

  /**
   * A reference to {@code repository@digest} with no host and no tag.
   *
   * @param repository e.g. {@code owner/app}
   * @param digest the manifest's digest
   * @return the reference
   * @throws IllegalArgumentException when the repository does not match the grammar
   */
  public static Reference of(String repository, Digest digest) {
    return new Reference(null, repository, null, digest);
  }

  /**
   * Whether {@code name} is a valid repository name, without a host.
   *
   * @param name any string, {@code null} included
   * @return true when it matches the grammar and is at most {@link #NAME_TOTAL_LENGTH_MAX} characters
   */
  public static boolean isValidRepository(String name) {
    return name != null && REPOSITORY.matcher(name).matches() && name.length() <= NAME_TOTAL_LENGTH_MAX;
  }

  /**
   * Whether {@code tag} matches the tag grammar: 1 to 128 characters {@code [A-Za-z0-9_.-]}, not starting with
   * {@code .} or {@code -}.
   *
   * @param tag any string, {@code null} included
   * @return true when a registry must accept it as a tag
   */
  public static boolean isValidTag(String tag) {
    return tag != null && TAG.matcher(tag).matches();
  }

  /**
   * This reference with another tag; host, repository and digest are kept.
   *
   * @param newTag the tag, or {@code null} for none
   * @return a new reference
   */
  public Reference withTag(String newTag) {
    return new Reference(registry, repository, newTag, digest);
  }

  /**
   * This reference with another digest; host, repository and tag are kept.
   *
   * @param newDigest the digest, or {@code null} for none
   * @return a new reference
   */
  public Reference withDigest(Digest newDigest) {
    return new Reference(registry, repository, tag, newDigest);
  }

  /**
   * The tag, for callers that would otherwise test {@link #tag()} for null.
   *
   * @return the tag, or empty for a reference by digest only
   */
  public Optional<String> tagIfAny() {
    return Optional.ofNullable(tag);
  }

  /**
   * The digest, for callers that would otherwise test {@link #digest()} for null.
   *
   * @return the digest, or empty for a reference by tag only
   */
  public Optional<Digest> digestIfAny() {
    return Optional.ofNullable(digest);
  }

  /**
   * What goes in {@code /v2/<name>/manifests/<reference>}: a reference with both pulls by digest, as clients do.
   *
   * @return the digest when there is one, else the tag
   */
  public String manifestReference() {
    return digest != null ? digest.toString() : tag;
  }

  /**
   * The reference as {@code docker pull} takes it; {@link #parse(String)} reads it back to an equal reference.
   *
   * @return {@code [host/]repository[:tag][@digest]}
   */
  @Override
  public String toString() {
    return (registry == null ? "" : registry + "/") + repository
        + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
  }

  private static String repositoryProblem(String name) {
    if (name.isEmpty()) {
      return "empty";
    }
    if (!name.equals(name.toLowerCase())) {
      return "upper case is not allowed in a repository path";
    }
    if (name.startsWith("/") || name.endsWith("/") || name.contains("//")) {
      return "leading, trailing or double '/'";
    }
    return "each path component must be [a-z0-9]+ joined by '.', '_', '__' or '-'";
  }
}
