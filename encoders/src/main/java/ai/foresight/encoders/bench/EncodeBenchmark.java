package ai.foresight.encoders.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.engine.Engine;
import ai.foresight.encoders.PatchEncoder;
import java.util.Arrays;

/**
 * Measures how fast a {@link PatchEncoder} encodes, and how close that comes to the machine's peak:
 * a square fp32 matmul is timed in the same run, so numbers taken on a loaded or different machine
 * stay comparable. Timings are medians over repetitions after warm-up passes.
 */
public final class EncodeBenchmark {
    private EncodeBenchmark() {}

    /**
     * @param batchSize frames per forward pass
     * @param warmup untimed passes first
     * @param repetitions timed passes (the median is reported)
     */
    public static BenchmarkResult run(PatchEncoder encoder, int batchSize, int warmup, int repetitions) {
        if (batchSize <= 0 || warmup < 0 || repetitions <= 0) {
            throw new IllegalArgumentException("batchSize/warmup/repetitions: expected > 0, >= 0, > 0, got "
                    + batchSize + ", " + warmup + ", " + repetitions);
        }
        double[] seconds = new double[repetitions];
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(0);
            NDArray pixels = m.randomUniform(0, 1, new Shape(batchSize, 3, encoder.inputHeight(), encoder.inputWidth()));
            for (int i = 0; i < warmup + repetitions; i++) {
                try (NDManager step = m.newSubManager()) {
                    long t0 = System.nanoTime();
                    NDArray out = encoder.encode(pixels);
                    out.toFloatArray(); // force completion and include the copy-out a consumer pays
                    if (i >= warmup) {
                        seconds[i - warmup] = (System.nanoTime() - t0) / 1e9;
                    }
                    out.close();
                }
            }
        }
        double perBatch = median(seconds);
        double fps = batchSize / perBatch;
        double gflopsPerFrame = encoder.flopsPerFrame() / 1e9;
        int n = 1024;
        double matmul = matmulGflops(n, Math.max(3, repetitions));
        double achieved = fps * gflopsPerFrame;
        return new BenchmarkResult(encoder.id(), batchSize, fps, perBatch, gflopsPerFrame, achieved, matmul, n, achieved / matmul);
    }

    /** GFLOP/s of an n x n x n fp32 matmul (median of {@code repetitions} after one warm-up). */
    public static double matmulGflops(int n, int repetitions) {
        double[] seconds = new double[repetitions];
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.randomUniform(-1, 1, new Shape(n, n));
            NDArray b = m.randomUniform(-1, 1, new Shape(n, n));
            a.matMul(b).close();
            for (int i = 0; i < repetitions; i++) {
                long t0 = System.nanoTime();
                NDArray c = a.matMul(b);
                c.getFloat(0, 0);
                seconds[i] = (System.nanoTime() - t0) / 1e9;
                c.close();
            }
        }
        return 2.0 * n * n * n / median(seconds) / 1e9;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
