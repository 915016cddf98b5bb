package dev.regconform.client;

import dev.regconform.model.Digest;
import java.util.Objects;

/**
 * The exchanges of {@link RegistryClient#pushStreamed}: POST, PATCH and PUT, as far as the push went.
 *
 * <pre>{@code
 * StreamedPush push = registry.pushStreamed("acme/app", size, body, () -> digestOfWhatWasSent);
 * if (!push.succeeded()) {
 *   throw new AssertionError(push.last().describe());
 * }
 * }</pre>
 *
 * @param post the POST's answer
 * @param patch the PATCH's answer; null when the POST did not answer 202 with a Location
 * @param put the PUT's answer; null when the PATCH did not answer 202 with a Location
 * @param digest the digest the PUT gave; null when there was no PUT
 */
public record StreamedPush(RegistryResponse post, RegistryResponse patch, RegistryResponse put, Digest digest) {
  /**
   * The exchanges of a streamed push.
   *
   * @param post the POST's answer; not null
   * @param patch the PATCH's answer, or null
   * @param put the PUT's answer, or null
   * @param digest the digest the PUT named, or null
   * @throws NullPointerException when {@code post} is null
   */
  public StreamedPush {
    Objects.requireNonNull(post, "post");
  }

  /**
   * Whether the push went through.
   *
   * @return true when the PUT answered 201: the registry holds the blob
   */
  public boolean succeeded() {
    return put != null && put.status() == 201;
  }

  /**
   * The last exchange made, for a failure message.
   *
   * @return the PUT's answer, else the PATCH's, else the POST's: the one that did not go as the spec requires, unless
   *     the push {@link #succeeded()}
   */
  public RegistryResponse last() {
    return put != null ? put : patch != null ? patch : post;
  }
}
