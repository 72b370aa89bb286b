/**
 * Throughput measurements: {@link ai.foresight.experiments.bench.MatmulBenchmark} (fp32 GEMM
 * GFLOP/s through DJL/libtorch, the ceiling every model runs under; used by {@code foresight doctor})
 * and {@link ai.foresight.experiments.bench.GenerateBenchmark} (data-generation frames per second per
 * world against the project's goals; {@code foresight bench generate}).
 */
package ai.foresight.experiments.bench;
