package ai.foresight.planner.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * The box an optimiser searches: sequences of {@code horizon} actions of {@code actionDim}
 * dimensions, each dimension bounded by {@code [lower[a], upper[a]]} at every step.
 *
 * @param horizon H, number of actions in a sequence
 * @param actionDim A, dimensions of one action
 * @param lower per-dimension lower bound, length A
 * @param upper per-dimension upper bound, length A, strictly above {@code lower}
 */
public record SearchSpace(int horizon, int actionDim, float[] lower, float[] upper) {

    public SearchSpace {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon: expected at least 1, got " + horizon);
        }
        if (actionDim < 1) {
            throw new IllegalArgumentException("actionDim: expected at least 1, got " + actionDim);
        }
        checkLength("lower", lower, actionDim);
        checkLength("upper", upper, actionDim);
        for (int a = 0; a < actionDim; a++) {
            if (!Float.isFinite(lower[a]) || !Float.isFinite(upper[a]) || !(lower[a] < upper[a])) {
                throw new IllegalArgumentException("bounds: expected finite lower < upper at dimension " + a
                        + ", got [" + lower[a] + ", " + upper[a] + "]");
            }
        }
        lower = lower.clone();
        upper = upper.clone();
    }

    /** The box {@code [-bound, bound]^A} at every step. */
    public static SearchSpace symmetric(int horizon, int actionDim, float bound) {
        float[] lo = new float[Math.max(actionDim, 0)];
        float[] hi = new float[Math.max(actionDim, 0)];
        Arrays.fill(lo, -bound);
        Arrays.fill(hi, bound);
        return new SearchSpace(horizon, actionDim, lo, hi);
    }

    @Override
    public float[] lower() {
        return lower.clone();
    }

    @Override
    public float[] upper() {
        return upper.clone();
    }

    /** Shape of one sequence, {@code (H, A)}. */
    public Shape sequenceShape() {
        return new Shape(horizon, actionDim);
    }

    /** Shape of a population of {@code n} sequences, {@code (n, H, A)}. */
    public Shape populationShape(long n) {
        return new Shape(n, horizon, actionDim);
    }

    /** Projects {@code x} (any shape ending in A) onto the box; the result lives in x's manager. */
    public NDArray clip(NDArray x) {
        NDManager m = x.getManager();
        try (NDArray lo = m.create(lower); NDArray hi = m.create(upper); NDArray aboveLower = x.maximum(lo)) {
            return aboveLower.minimum(hi);
        }
    }

    /** Throws unless {@code sequence} has shape {@code (H, A)}. */
    public void checkSequence(String field, NDArray sequence) {
        if (!sequence.getShape().equals(sequenceShape())) {
            throw new IllegalArgumentException(field + ": expected shape " + sequenceShape() + ", got " + sequence.getShape());
        }
    }

    /** Throws unless {@code population} has shape {@code (n, H, A)} for some n at least 1. */
    public void checkPopulation(String field, NDArray population) {
        Shape s = population.getShape();
        if (s.dimension() != 3 || s.get(0) < 1 || s.get(1) != horizon || s.get(2) != actionDim) {
            throw new IllegalArgumentException(field + ": expected shape (n, " + horizon + ", " + actionDim + "), got " + s);
        }
    }

    private static void checkLength(String field, float[] values, int expected) {
        if (values == null || values.length != expected) {
            throw new IllegalArgumentException(field + ": expected length " + expected + ", got "
                    + (values == null ? "null" : values.length));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchSpace s && s.horizon == horizon && s.actionDim == actionDim
                && Arrays.equals(s.lower, lower) && Arrays.equals(s.upper, upper);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * horizon + actionDim) + Arrays.hashCode(lower)) + Arrays.hashCode(upper);
    }

    @Override
    public String toString() {
        return "SearchSpace[H=" + horizon + ", A=" + actionDim + ", " + Arrays.toString(lower) + ".." + Arrays.toString(upper) + "]";
    }
}
