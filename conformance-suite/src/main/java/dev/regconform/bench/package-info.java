/**
 * Benchmarks of the toolkit's own client against a registry: {@link dev.regconform.bench.BlobBench} pushes one large
 * pseudo-random blob streamed (digested while it is sent) and pulls it back streamed (digested while it is read), and
 * times both; {@link dev.regconform.bench.BlobBenchReport} prints the throughput as text or JSON. Nothing here holds a
 * blob in memory, so a benchmark of a GiB runs in a 64 MiB heap.
 */
package dev.regconform.bench;
