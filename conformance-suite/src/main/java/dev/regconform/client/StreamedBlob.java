package dev.regconform.client;

import dev.regconform.model.Digest;
import java.util.Objects;

/**
 * A blob download whose body went to a sink instead of memory ({@link RegistryClient#getBlobTo}): the exchange
 * without the body, how many bytes arrived and their digest, computed while they streamed through.
 *
 * <pre>{@code
 * StreamedBlob pulled = registry.getBlobTo("acme/app", layer.digest(), OutputStream.nullOutputStream());
 * assertThat(pulled.response()).hasStatus(200).hasContentDigest(layer.digest());
 * boolean intact = pulled.size() == layer.size() && pulled.digest().equals(layer.digest());
 * }</pre>
 *
 * @param response status and headers; its body is empty when the body went to the sink (a 2xx answer), and is the
 *     error body (at most 64 KiB of it) otherwise
 * @param size the number of bytes written to the sink; 0 when the answer was not a 2xx
 * @param digest the digest of those bytes, with the algorithm of the digest asked for
 */
public record StreamedBlob(RegistryResponse response, long size, Digest digest) {
  /**
   * A streamed download's outcome.
   *
   * @param response the exchange; not null
   * @param size the number of bytes written to the sink
   * @param digest their digest; not null
   * @throws NullPointerException when {@code response} or {@code digest} is null
   */
  public StreamedBlob {
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(digest, "digest");
  }

  /**
   * The exchange for a failure message: request line, status, headers, then the size and digest of what streamed (for
   * a 2xx answer) or the error body.
   *
   * @return several lines, secrets masked
   */
  public String describe() {
    return response.status() / 100 != 2 ? response.describe() : response.requestLine() + "\n  -> "
        + response.describeHeaders().replace("\n", "\n     ") + "\n     <" + size + " bytes streamed, " + digest + ">";
  }
}
