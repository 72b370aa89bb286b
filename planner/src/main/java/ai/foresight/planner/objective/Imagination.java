package ai.foresight.planner.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * What a {@link RolloutModel} predicts for a population of N action sequences of length H: one
 * entry per action, i.e. the state after each action. Any member may be null if the model does
 * not predict it, but not all of them.
 *
 * @param features predicted observation features, {@code (N, H, ...)} e.g. patch features {@code (N, H, P, D)}
 * @param z predicted compact latent (e.g. a RePo bottleneck state), {@code (N, H, ...)}
 * @param proprio predicted proprioception, {@code (N, H, P)}
 * @param reward predicted reward, {@code (N, H)}
 * @param spread how far an ensemble's members disagree on these predictions, or null for a single model
 */
public record Imagination(NDArray features, NDArray z, NDArray proprio, NDArray reward, EnsembleSpread spread) {

    public Imagination {
        if (features == null && z == null && proprio == null && reward == null) {
            throw new IllegalArgumentException("imagination: expected at least one of features, z, proprio, reward");
        }
    }

    /** A single model's predictions (no ensemble spread). */
    public Imagination(NDArray features, NDArray z, NDArray proprio, NDArray reward) {
        this(features, z, proprio, reward, null);
    }

    /** Throws unless every non-null member starts with {@code (n, h)}; proprio must be 3-D and reward 2-D. */
    public void check(long n, long h) {
        checkLeading("features", features, n, h, -1);
        checkLeading("z", z, n, h, -1);
        checkLeading("proprio", proprio, n, h, 3);
        checkLeading("reward", reward, n, h, 2);
        if (spread != null) {
            checkLeading("spread.latent", spread.latent(), n, h, 2);
            checkLeading("spread.proprio", spread.proprio(), n, h, 2);
        }
    }

    private static void checkLeading(String field, NDArray array, long n, long h, int rank) {
        if (array == null) {
            return;
        }
        Shape s = array.getShape();
        boolean ok = s.dimension() >= 2 && s.get(0) == n && s.get(1) == h && (rank < 0 || s.dimension() == rank);
        if (!ok) {
            String expected = rank == 2 ? "(" + n + ", " + h + ")"
                    : rank == 3 ? "(" + n + ", " + h + ", P)" : "(" + n + ", " + h + ", ...)";
            throw new IllegalArgumentException("imagination." + field + ": expected shape " + expected + ", got " + s);
        }
    }
}
