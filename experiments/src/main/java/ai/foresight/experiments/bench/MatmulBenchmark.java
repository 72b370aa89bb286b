package ai.foresight.experiments.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;

/**
 * The machine's fp32 matrix-multiply throughput through DJL/libtorch: the ceiling every model and
 * planner in Foresight runs under (a rollout is mostly matmuls). Times C = A B for random n x n
 * matrices and reports the median over repetitions as GFLOP/s, counting 2n^3 floating-point
 * operations per product.
 */
public final class MatmulBenchmark {

    /**
     * @param size n, the side of the square matrices
     * @param reps timed repetitions (the median is reported)
     * @param warmup untimed repetitions first
     */
    public record Config(int size, int reps, int warmup) {
        public Config {
            if (size < 1 || size > 16_384) {
                throw new IllegalArgumentException("size: expected 1..16384, got " + size);
            }
            if (reps < 1) {
                throw new IllegalArgumentException("reps: expected at least 1, got " + reps);
            }
            if (warmup < 0) {
                throw new IllegalArgumentException("warmup: expected at least 0, got " + warmup);
            }
        }

        /** n = 1024, median of 5 after 2 warm-ups (about a second on 2 cores). */
        public static Config defaults() {
            return new Config(1024, 5, 2);
        }

        /** n = 128, for tests. */
        public static Config tiny() {
            return new Config(128, 3, 1);
        }
    }

    /** The measurement: n, every timed repetition in seconds, the median, and GFLOP/s at the median. */
    public record Result(int size, double[] seconds, double medianSeconds, double gflops) {}

    private MatmulBenchmark() {}

    public static Result measure(Config config) {
        int n = config.size();
        double[] seconds = new double[config.reps()];
        Engine engine = Engine.getEngine("PyTorch");
        try (NDManager manager = engine.newBaseManager(Device.cpu())) {
            NDArray a = manager.randomUniform(-1f, 1f, new Shape(n, n));
            NDArray b = manager.randomUniform(-1f, 1f, new Shape(n, n));
            for (int i = 0; i < config.warmup() + config.reps(); i++) {
                try (NDScope scope = new NDScope()) {
                    long start = System.nanoTime();
                    NDArray c = a.matMul(b); // libtorch runs CPU ops synchronously: the result is ready here
                    long elapsed = System.nanoTime() - start;
                    if (c.getShape().get(0) != n) {
                        throw new IllegalStateException("matmul: expected " + n + " rows, got " + c.getShape());
                    }
                    if (i >= config.warmup()) {
                        seconds[i - config.warmup()] = elapsed / 1e9;
                    }
                }
            }
        }
        double median = Timings.median(seconds);
        return new Result(n, seconds, median, 2.0 * n * n * n / median / 1e9);
    }
}
