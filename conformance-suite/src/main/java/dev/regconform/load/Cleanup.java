package dev.regconform.load;

import java.util.List;

/**
 * What deleting the run's images achieved.
 *
 * @param manifestsDeleted manifests the registry deleted
 * @param blobsDeleted blobs (layers and configs) the registry deleted
 * @param left one line per repository where something stays, saying what and why; empty when all went
 * @param seconds how long it took
 */
public record Cleanup(long manifestsDeleted, long blobsDeleted, List<String> left, double seconds) {
  public Cleanup {
    left = List.copyOf(left);
  }

  public boolean complete() {
    return left.isEmpty();
  }
}
