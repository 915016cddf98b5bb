package dev.regconform.scenarios;

import dev.regconform.model.MediaTypes;
import java.util.List;

/** The Accept header values the scenarios send, named after the client behaviour they copy. */
public final class Accept {
  /** What docker and skopeo send when pulling: every manifest type they understand. */
  public static final List<String> ANY_MANIFEST = List.of(
      MediaTypes.OCI_MANIFEST, MediaTypes.OCI_INDEX, MediaTypes.DOCKER_MANIFEST, MediaTypes.DOCKER_MANIFEST_LIST);

  private Accept() {}
}
