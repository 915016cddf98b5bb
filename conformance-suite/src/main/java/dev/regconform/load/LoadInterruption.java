package dev.regconform.load;

import dev.regconform.cleanup.Interruption;
import dev.regconform.cleanup.RunCleanup;
import dev.regconform.client.RequestGate;
import java.io.PrintWriter;
import java.util.List;

/**
 * Ctrl-C (or SIGTERM) during {@code regconform load}: the workers start no operation more (the {@link RequestGate}
 * closes, so requests under way fail at once), and the run's repositories are emptied as at its normal end
 * ({@link RegistryWorkload#cleanUp}), for at most {@link RunCleanup#INTERRUPTED_LIMIT}; one line says what went.
 *
 * <pre>{@code
 * Interruption interruption = LoadInterruption.arm(out, workload, 8);
 * LoadRun.Result result = run.run();
 * interruption.holdIfTriggered();
 * }</pre>
 */
public final class LoadInterruption {
  private LoadInterruption() {}

  public static Interruption arm(PrintWriter out, RegistryWorkload workload, int threads) {
    return Interruption.arm(out, RunCleanup.INTERRUPTED_LIMIT, RequestGate::close,
        deadline -> List.of(line(clean(workload, threads))));
  }

  private static Cleanup clean(RegistryWorkload workload, int threads) {
    try {
      return RequestGate.exempt(() -> workload.cleanUp(threads));
    } catch (Exception e) {
      return new Cleanup(0, 0, List.of("the cleanup failed: " + Outcome.of(e).detail()), 0);
    }
  }

  /** {@code cleanup: deleted the run's 12 manifests and 13 blobs}, or what stays and why. */
  static String line(Cleanup cleanup) {
    String deleted = "deleted " + cleanup.manifestsDeleted() + " manifests and " + cleanup.blobsDeleted() + " blobs";
    return cleanup.complete() ? "cleanup: " + deleted + " of the load run; its repositories are empty"
        : "cleanup: " + deleted + "; left behind: " + String.join("; ", cleanup.left());
  }
}
