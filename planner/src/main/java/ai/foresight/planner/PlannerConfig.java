package ai.foresight.planner;

import java.util.Arrays;

/**
 * Shapes, bounds and action normalisation of a {@link TrajectoryPlanner}.
 *
 * <p>The optimiser searches normalised actions u; the environment receives
 * {@code a = actionMean + actionStd * u} (per dimension), clipped to {@code [actionLow, actionHigh]}.
 * Normalising by dataset statistics is what DINO-WM does; normalising by the bounds
 * ({@link #fromBounds}) maps the box to {@code [-1, 1]^A}, where a CEM sigma of 1 spans it.
 *
 * @param horizon H, actions per planned sequence
 * @param actionLow per-dimension lower bound, environment units
 * @param actionHigh per-dimension upper bound, environment units
 * @param actionMean per-dimension centre of the normalisation, environment units
 * @param actionStd per-dimension scale of the normalisation, environment units, positive
 * @param tailFill what pads a shifted warm start
 * @param warmStart whether a plan starts from the previous one, shifted
 */
public record PlannerConfig(
        int horizon,
        float[] actionLow,
        float[] actionHigh,
        float[] actionMean,
        float[] actionStd,
        TailFill tailFill,
        boolean warmStart) {

    public PlannerConfig {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon: expected at least 1, got " + horizon);
        }
        if (actionLow == null || actionLow.length == 0) {
            throw new IllegalArgumentException("actionLow: expected a non-empty vector, got "
                    + (actionLow == null ? "null" : "length 0"));
        }
        int a = actionLow.length;
        checkLength("actionHigh", actionHigh, a);
        checkLength("actionMean", actionMean, a);
        checkLength("actionStd", actionStd, a);
        for (int i = 0; i < a; i++) {
            if (!Float.isFinite(actionLow[i]) || !Float.isFinite(actionHigh[i]) || !(actionLow[i] < actionHigh[i])) {
                throw new IllegalArgumentException("actionLow/actionHigh: expected finite low < high at dimension " + i
                        + ", got [" + actionLow[i] + ", " + actionHigh[i] + "]");
            }
            if (!Float.isFinite(actionMean[i])) {
                throw new IllegalArgumentException("actionMean[" + i + "]: expected a finite value, got " + actionMean[i]);
            }
            if (!(actionStd[i] > 0) || !Float.isFinite(actionStd[i])) {
                throw new IllegalArgumentException("actionStd[" + i + "]: expected a finite value > 0, got " + actionStd[i]);
            }
        }
        if (tailFill == null) {
            throw new IllegalArgumentException("tailFill: expected MEAN or ZERO_ACTION, got null");
        }
        actionLow = actionLow.clone();
        actionHigh = actionHigh.clone();
        actionMean = actionMean.clone();
        actionStd = actionStd.clone();
    }

    /** Normalises by the bounds: mean = centre, std = half-range, so the search box is [-1, 1]^A. */
    public static PlannerConfig fromBounds(int horizon, float[] low, float[] high) {
        if (low == null || low.length == 0) {
            throw new IllegalArgumentException("low: expected a non-empty vector, got " + (low == null ? "null" : "length 0"));
        }
        checkLength("high", high, low.length);
        float[] mean = new float[low.length];
        float[] std = new float[low.length];
        for (int i = 0; i < low.length; i++) {
            mean[i] = (low[i] + high[i]) / 2;
            std[i] = (high[i] - low[i]) / 2;
        }
        return new PlannerConfig(horizon, low, high, mean, std, TailFill.MEAN, true);
    }

    /** Normalises by dataset action statistics, as DINO-WM does. */
    public static PlannerConfig fromStatistics(int horizon, float[] low, float[] high, float[] mean, float[] std) {
        return new PlannerConfig(horizon, low, high, mean, std, TailFill.MEAN, true);
    }

    /**
     * Frame-step actions: each model action is k environment actions of A values concatenated, so the per-action
     * bounds are tiled k times; normalised by the data's frame-step statistics ({@code (k·A)} each), as DINO-WM does.
     */
    public static PlannerConfig forFrameSteps(int horizon, double[] actionLow, double[] actionHigh, int frameskip, float[] frameMean,
            float[] frameStd) {
        if (actionLow == null || actionHigh == null || actionLow.length != actionHigh.length) {
            throw new IllegalArgumentException("actionLow/actionHigh: expected two vectors of one length, got "
                    + (actionLow == null ? "null" : actionLow.length) + " and " + (actionHigh == null ? "null" : actionHigh.length));
        }
        if (frameskip < 1) {
            throw new IllegalArgumentException("frameskip: expected at least 1, got " + frameskip);
        }
        return fromStatistics(horizon, tiled(actionLow, frameskip), tiled(actionHigh, frameskip), frameMean, frameStd);
    }

    private static float[] tiled(double[] values, int times) {
        float[] out = new float[values.length * times];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values[i % values.length];
        }
        return out;
    }

    /** DINO-WM's horizon of 5 over the box [-1, 1]^actionDim, warm started. */
    public static PlannerConfig defaults(int actionDim) {
        return fromBounds(5, filled(actionDim, -1f), filled(actionDim, 1f));
    }

    /** Horizon 3 over [-1, 1]^actionDim, for tests. */
    public static PlannerConfig tiny(int actionDim) {
        return fromBounds(3, filled(actionDim, -1f), filled(actionDim, 1f));
    }

    public PlannerConfig withHorizon(int newHorizon) {
        return new PlannerConfig(newHorizon, actionLow, actionHigh, actionMean, actionStd, tailFill, warmStart);
    }

    public PlannerConfig withTailFill(TailFill newTailFill) {
        return new PlannerConfig(horizon, actionLow, actionHigh, actionMean, actionStd, newTailFill, warmStart);
    }

    public PlannerConfig withWarmStart(boolean enabled) {
        return new PlannerConfig(horizon, actionLow, actionHigh, actionMean, actionStd, tailFill, enabled);
    }

    public int actionDim() {
        return actionLow.length;
    }

    @Override
    public float[] actionLow() {
        return actionLow.clone();
    }

    @Override
    public float[] actionHigh() {
        return actionHigh.clone();
    }

    @Override
    public float[] actionMean() {
        return actionMean.clone();
    }

    @Override
    public float[] actionStd() {
        return actionStd.clone();
    }

    private static float[] filled(int n, float v) {
        if (n < 1) {
            throw new IllegalArgumentException("actionDim: expected at least 1, got " + n);
        }
        float[] out = new float[n];
        Arrays.fill(out, v);
        return out;
    }

    private static void checkLength(String field, float[] values, int expected) {
        if (values == null || values.length != expected) {
            throw new IllegalArgumentException(field + ": expected length " + expected + ", got "
                    + (values == null ? "null" : values.length));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlannerConfig c && c.horizon == horizon && c.tailFill == tailFill && c.warmStart == warmStart
                && Arrays.equals(c.actionLow, actionLow) && Arrays.equals(c.actionHigh, actionHigh)
                && Arrays.equals(c.actionMean, actionMean) && Arrays.equals(c.actionStd, actionStd);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {horizon, tailFill.hashCode(), Boolean.hashCode(warmStart),
            Arrays.hashCode(actionLow), Arrays.hashCode(actionHigh), Arrays.hashCode(actionMean), Arrays.hashCode(actionStd)});
    }

    @Override
    public String toString() {
        return "PlannerConfig[H=" + horizon + ", low " + Arrays.toString(actionLow) + ", high " + Arrays.toString(actionHigh)
                + ", mean " + Arrays.toString(actionMean) + ", std " + Arrays.toString(actionStd) + ", " + tailFill
                + ", warmStart " + warmStart + "]";
    }
}
