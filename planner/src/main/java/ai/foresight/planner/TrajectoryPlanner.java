package ai.foresight.planner;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.foresight.planner.optim.ObjectiveFunction;
import ai.foresight.planner.optim.OptimizationResult;
import ai.foresight.planner.optim.SearchSpace;
import ai.foresight.planner.optim.SequenceOptimizer;
import ai.foresight.planner.optim.WarmStart;

/**
 * Plans fixed-length action sequences with any {@link SequenceOptimizer}, in the role of mbrl-lib's
 * {@code TrajectoryOptimizer}: it owns the horizon and action dimension, the action bounds, the
 * normalised search space (objectives are written in environment units; the optimiser searches
 * {@code u} with {@code a = mean + std * u}) and the warm start.
 *
 * <p>Warm start (DINO-WM's MPC, TD-MPC2, iCEM): after the caller executes k actions of a plan,
 * {@link #advance(int)} drops the first k actions of the stored solution (and of the stored
 * elites), moves the rest to the front and fills the last k slots with the {@link TailFill}
 * action, so the next plan starts where this one left off.
 *
 * <p>State between plans is kept in Java arrays: each {@link #plan} creates its arrays in a
 * sub-manager of the given manager and closes it, so repeated planning holds no native memory.
 * Not thread-safe; use one planner per control loop.
 */
public final class TrajectoryPlanner {
    private final PlannerConfig config;
    private final SequenceOptimizer optimizer;
    private final ActionNormalization normalization;
    private final SearchSpace space;
    private final float[] fill;
    private float[][] solution;
    private float[][][] elites;

    public TrajectoryPlanner(PlannerConfig config, SequenceOptimizer optimizer) {
        if (config == null) {
            throw new IllegalArgumentException("config: expected a PlannerConfig, got null");
        }
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer: expected a SequenceOptimizer, got null");
        }
        this.config = config;
        this.optimizer = optimizer;
        this.normalization = new ActionNormalization(config);
        this.space = new SearchSpace(config.horizon(), config.actionDim(),
                normalization.normalisedLow(), normalization.normalisedHigh());
        this.fill = normalization.fillAction(config.tailFill());
    }

    public PlannerConfig config() {
        return config;
    }

    public SequenceOptimizer optimizer() {
        return optimizer;
    }

    /** The normalised box the optimiser searches. */
    public SearchSpace searchSpace() {
        return space;
    }

    public int horizon() {
        return config.horizon();
    }

    public int actionDim() {
        return config.actionDim();
    }

    /**
     * Plans a sequence of {@code H} actions minimising {@code objective}.
     *
     * @param objective costs of {@code (N, H, A)} sequences in environment units
     * @param manager where (and on which device) the search runs; nothing stays attached to it
     * @return the plan in environment and normalised units, its cost and trace
     */
    public Plan plan(ObjectiveFunction objective, NDManager manager) {
        if (objective == null) {
            throw new IllegalArgumentException("objective: expected an ObjectiveFunction, got null");
        }
        if (manager == null) {
            throw new IllegalArgumentException("manager: expected an NDManager, got null");
        }
        long start = System.nanoTime();
        int h = config.horizon();
        int a = config.actionDim();
        try (NDManager sub = manager.newSubManager()) {
            WarmStart warm = null;
            if (config.warmStart() && solution != null) {
                NDArray mean = sub.create(flatten(solution), new Shape(h, a));
                NDArray eliteArray = elites == null ? null
                        : sub.create(flatten(elites), new Shape(elites.length, h, a));
                warm = new WarmStart(mean, eliteArray);
            }
            ObjectiveFunction normalised = new NormalisedObjective(objective, normalization);
            try (OptimizationResult result = optimizer.optimize(normalised, space, warm, sub)) {
                float[][] best = reshape(result.best().toFloatArray(), h, a);
                solution = copy(best);
                elites = result.elites() == null ? null
                        : reshape3(result.elites().toFloatArray(), (int) result.elites().getShape().get(0), h, a);
                float[][] env = new float[h][];
                for (int t = 0; t < h; t++) {
                    env[t] = normalization.toEnv(best[t]);
                }
                return new Plan(env, best, result.bestCost(), result.trace(), (System.nanoTime() - start) / 1e9);
            }
        }
    }

    /**
     * Shifts the stored warm start by the {@code executedSteps} actions the caller executed.
     * Executing H or more steps leaves a warm start made only of the fill action.
     */
    public void advance(int executedSteps) {
        if (executedSteps < 0) {
            throw new IllegalArgumentException("executedSteps: expected at least 0, got " + executedSteps);
        }
        if (solution == null) {
            return;
        }
        solution = shift(solution, executedSteps, fill);
        if (elites != null) {
            for (int k = 0; k < elites.length; k++) {
                elites[k] = shift(elites[k], executedSteps, fill);
            }
        }
    }

    /** Forgets the warm start (for a new episode or goal). */
    public void reset() {
        solution = null;
        elites = null;
    }

    /** Whether the next plan will be warm started. */
    public boolean hasWarmStart() {
        return config.warmStart() && solution != null;
    }

    /** A copy of the (normalised) sequence the next plan starts from, or null if none. */
    public float[][] warmStartMean() {
        return solution == null ? null : copy(solution);
    }

    /** The normalised fill action that pads a shifted warm start. */
    public float[] fillAction() {
        return fill.clone();
    }

    /**
     * {@code sequence[steps..H-1]} followed by {@code steps} copies of {@code fill}: the warm-start
     * shift. Rows are copied, never shared with the input.
     */
    public static float[][] shift(float[][] sequence, int steps, float[] fill) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps: expected at least 0, got " + steps);
        }
        int h = sequence.length;
        float[][] out = new float[h][];
        for (int t = 0; t < h; t++) {
            int source = t + steps;
            if (source < h) {
                out[t] = sequence[source].clone();
            } else {
                if (fill.length != sequence[0].length) {
                    throw new IllegalArgumentException("fill: expected length " + sequence[0].length + ", got " + fill.length);
                }
                out[t] = fill.clone();
            }
        }
        return out;
    }

    private static float[] flatten(float[][] rows) {
        int a = rows[0].length;
        float[] out = new float[rows.length * a];
        for (int t = 0; t < rows.length; t++) {
            System.arraycopy(rows[t], 0, out, t * a, a);
        }
        return out;
    }

    private static float[] flatten(float[][][] blocks) {
        int size = blocks[0].length * blocks[0][0].length;
        float[] out = new float[blocks.length * size];
        for (int k = 0; k < blocks.length; k++) {
            System.arraycopy(flatten(blocks[k]), 0, out, k * size, size);
        }
        return out;
    }

    private static float[][] reshape(float[] flat, int h, int a) {
        float[][] out = new float[h][a];
        for (int t = 0; t < h; t++) {
            System.arraycopy(flat, t * a, out[t], 0, a);
        }
        return out;
    }

    private static float[][][] reshape3(float[] flat, int k, int h, int a) {
        float[][][] out = new float[k][h][a];
        for (int i = 0; i < k; i++) {
            for (int t = 0; t < h; t++) {
                System.arraycopy(flat, (i * h + t) * a, out[i][t], 0, a);
            }
        }
        return out;
    }

    private static float[][] copy(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int t = 0; t < rows.length; t++) {
            out[t] = rows[t].clone();
        }
        return out;
    }
}
