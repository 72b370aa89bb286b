/**
 * Encoder throughput: {@link ai.foresight.encoders.bench.EncodeBenchmark} times a
 * {@link ai.foresight.encoders.PatchEncoder} at a batch size and reports frames/s and achieved
 * GFLOP/s next to a matmul measured in the same run (the library side of {@code foresight bench encode}).
 */
package ai.foresight.encoders.bench;
