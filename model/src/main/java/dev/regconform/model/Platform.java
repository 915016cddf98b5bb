package dev.regconform.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The platform of one entry of an image index or manifest list.
 *
 * @param architecture e.g. {@code amd64}
 * @param os e.g. {@code linux}
 * @param osVersion e.g. {@code 10.0.17763.1339} for Windows, or {@code null}
 * @param osFeatures or {@code null}
 * @param variant e.g. {@code v8}, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Platform(
    @JsonProperty("architecture") String architecture,
    @JsonProperty("os") String os,
    @JsonProperty("os.version") String osVersion,
    @JsonProperty("os.features") List<String> osFeatures,
    @JsonProperty("variant") String variant) {

  /**
   * Copies {@code osFeatures}, so a platform cannot change after it is made; nothing is checked.
   *
   * @param architecture e.g. {@code amd64}
   * @param os e.g. {@code linux}
   * @param osVersion or {@code null}
   * @param osFeatures copied, or {@code null}
   * @param variant or {@code null}
   */
  public Platform {
    osFeatures = osFeatures == null ? null : List.copyOf(osFeatures);
  }

  /**
   * The usual platform: an OS and an architecture, without variant or OS version.
   *
   * @param os e.g. {@code linux}
   * @param architecture e.g. {@code arm64}
   * @return the platform
   */
  public static Platform of(String os, String architecture) {
    return new Platform(architecture, os, null, null, null);
  }

  /**
   * The platform as {@code docker --platform} spells it, with the OS version after a space when there is one.
   *
   * @return e.g. {@code linux/arm64/v8}
   */
  @Override
  public String toString() {
    return os + "/" + architecture + (variant == null ? "" : "/" + variant) + (osVersion == null ? "" : " " + osVersion);
  }
}
