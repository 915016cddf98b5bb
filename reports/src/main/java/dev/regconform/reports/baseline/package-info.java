/**
 * CI gating on known deviations and the comparison with the previous run: a {@link
 * dev.regconform.reports.baseline.Baseline} (a hand-editable YAML file of the failures a CI job accepts), the
 * {@link dev.regconform.reports.baseline.BaselineVerdict} of a run against it (new, known, fixed, stale), and the
 * {@link dev.regconform.reports.baseline.RunDiff} between a run and the previous one in the same report directory.
 */
package dev.regconform.reports.baseline;
