package dev.regconform.scenarios.formats;

import dev.regconform.junit.DataSetName;
import org.junit.jupiter.api.DisplayName;

/**
 * The multi-platform image of {@link MultiPlatformScenarios} behind a nested OCI index: the tagged index lists one
 * index per os (linux: amd64 and arm64; windows: amd64 with {@code os.version}), which list the images. Every level is
 * pushed by digest before the level above, and pulled by the digest the level above names.
 */
@DataSetName("nested-index")
@DisplayName("Multi-platform image: nested OCI index")
public class NestedIndexFormScenarios extends MultiPlatformScenarios {
  @Override
  boolean nested() {
    return true;
  }
}
