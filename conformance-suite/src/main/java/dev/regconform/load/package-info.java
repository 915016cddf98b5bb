/**
 * {@code regconform load}: N workers run a weighted mix of push, pull, HEAD and tag-list operations
 * ({@link dev.regconform.load.Mix}, {@link dev.regconform.load.Operation}) against a registry through the toolkit's own
 * client ({@link dev.regconform.load.RegistryWorkload}), until a duration or an operation count
 * ({@link dev.regconform.load.LoadRun}); {@link dev.regconform.load.LoadStats} keeps latency histograms (HdrHistogram),
 * error counts and a per-second timeline in a memory that does not grow with the run;
 * {@link dev.regconform.load.LoadReport} prints the table and writes {@code load.json}, {@link dev.regconform.load.LoadChart}
 * draws {@code load.svg}. The run's images are deleted afterwards where the registry allows.
 */
package dev.regconform.load;
