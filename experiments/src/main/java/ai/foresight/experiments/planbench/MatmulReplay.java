package ai.foresight.experiments.planbench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.foresight.experiments.bench.Timings;
import java.util.ArrayList;
import java.util.List;

/**
 * Times a model's matrix products on their own: the same shapes as a forward pass (from
 * {@link PredictorFlops}), as bare libtorch matmuls on random operands, back to back. What a forward
 * takes beyond this is everything else: element-wise ops, reshapes and copies, and the per-op cost of
 * crossing from Java into libtorch.
 */
public final class MatmulReplay {
    private MatmulReplay() {}

    /**
     * Median seconds of running every product in {@code shapes} once.
     *
     * @param reps timed repetitions (after one untimed)
     */
    public static double medianSeconds(List<MatmulShape> shapes, int reps, NDManager parent) {
        if (reps < 1) {
            throw new IllegalArgumentException("reps: expected at least 1, got " + reps);
        }
        try (NDManager m = parent.newSubManager()) {
            List<NDArray[]> operands = new ArrayList<>();
            for (MatmulShape s : shapes) {
                Shape left = s.batch() == 1 ? new Shape(s.m(), s.k()) : new Shape(s.batch(), s.m(), s.k());
                Shape right = s.batch() == 1 ? new Shape(s.k(), s.n()) : new Shape(s.batch(), s.k(), s.n());
                operands.add(new NDArray[] {m.randomUniform(-1f, 1f, left), m.randomUniform(-1f, 1f, right)});
            }
            double[] seconds = new double[reps];
            for (int r = -1; r < reps; r++) {
                try (NDScope scope = new NDScope()) {
                    long start = System.nanoTime();
                    for (NDArray[] ab : operands) {
                        ab[0].matMul(ab[1]); // libtorch CPU ops are synchronous: done when the call returns
                    }
                    long elapsed = System.nanoTime() - start;
                    if (r >= 0) {
                        seconds[r] = elapsed / 1e9;
                    }
                }
            }
            return Timings.median(seconds);
        }
    }
}
