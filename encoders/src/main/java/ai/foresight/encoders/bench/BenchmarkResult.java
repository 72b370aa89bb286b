package ai.foresight.encoders.bench;

/**
 * Encoder throughput, measured against the machine's own matmul speed in the same run.
 *
 * @param encoderId the encoder measured
 * @param batchSize frames per forward pass
 * @param framesPerSecond frames encoded per second (median over repetitions)
 * @param secondsPerBatch median wall time of one forward pass
 * @param gflopsPerFrame the encoder's FLOPs per frame / 1e9 (NaN where unknown)
 * @param achievedGflops framesPerSecond x gflopsPerFrame
 * @param matmulGflops a square fp32 matmul's GFLOP/s measured in the same run
 * @param matmulSize side of that matmul
 * @param efficiency achievedGflops / matmulGflops
 */
public record BenchmarkResult(
        String encoderId, int batchSize, double framesPerSecond, double secondsPerBatch, double gflopsPerFrame,
        double achievedGflops, double matmulGflops, int matmulSize, double efficiency) {

    @Override
    public String toString() {
        return String.format("%s batch %d: %.0f frames/s (%.2f ms/batch), %.1f GFLOP/s achieved vs %.1f GFLOP/s matmul %d (%.0f%%)",
                encoderId, batchSize, framesPerSecond, secondsPerBatch * 1e3, achievedGflops, matmulGflops, matmulSize,
                100 * efficiency);
    }
}
