/**
 * What a run leaves behind: {@link dev.regconform.cleanup.RunLedger} records everything the run stored on a registry
 * (from the toolkit's HTTP exchanges, {@link dev.regconform.cleanup.LedgerRecorder}, and from the scenarios' own
 * records of what real clients pushed), {@link dev.regconform.cleanup.LeftoverSweep} proves after the run that none of
 * it remains (deleting once more what does) into a {@link dev.regconform.cleanup.CleanupReport}, and
 * {@link dev.regconform.cleanup.Interruption} does the same when the run is interrupted (Ctrl-C, SIGTERM).
 * {@link dev.regconform.cleanup.RunCleanup} is what {@code regconform run} calls.
 */
package dev.regconform.cleanup;
