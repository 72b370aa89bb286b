package ai.foresight.datasets.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed shape of every episode of a dataset, and the arrays of its npz file:
 * {@code obs} (T, H, W, 3) |u1, {@code obs_clean} (T, H, W, 3) |u1 when {@code withClean},
 * {@code action} (T, A) &lt;f4, {@code proprio} (T, P) &lt;f4, {@code state} (T, S) &lt;f8,
 * {@code reward} (T) &lt;f4.
 *
 * @param steps T, frames per episode
 * @param height H, frame height in pixels
 * @param width W, frame width in pixels
 * @param actionDim A
 * @param proprioDim P
 * @param stateDim S
 * @param withClean whether a distractor-free copy of the frames is stored
 */
public record EpisodeLayout(int steps, int height, int width, int actionDim, int proprioDim, int stateDim,
        boolean withClean) {

    public static final String OBS = "obs";
    public static final String OBS_CLEAN = "obs_clean";
    public static final String ACTION = "action";
    public static final String PROPRIO = "proprio";
    public static final String STATE = "state";
    public static final String REWARD = "reward";

    public EpisodeLayout {
        if (steps < 1) {
            throw new IllegalArgumentException("steps: expected at least 1, got " + steps);
        }
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("frame size: expected positive height and width, got " + height + "x" + width);
        }
        if (actionDim < 1) {
            throw new IllegalArgumentException("actionDim: expected at least 1, got " + actionDim);
        }
        if (proprioDim < 0 || stateDim < 0) {
            throw new IllegalArgumentException("proprioDim, stateDim: expected >= 0, got " + proprioDim + ", " + stateDim);
        }
    }

    /** Dtype and shape of every array, in file order. */
    public Map<String, FieldSpec> fields() {
        Map<String, FieldSpec> f = new LinkedHashMap<>();
        f.put(OBS, FieldSpec.of(Dtype.UINT8, steps, height, width, 3));
        if (withClean) {
            f.put(OBS_CLEAN, FieldSpec.of(Dtype.UINT8, steps, height, width, 3));
        }
        f.put(ACTION, FieldSpec.of(Dtype.FLOAT32, steps, actionDim));
        f.put(PROPRIO, FieldSpec.of(Dtype.FLOAT32, steps, proprioDim));
        f.put(STATE, FieldSpec.of(Dtype.FLOAT64, steps, stateDim));
        f.put(REWARD, FieldSpec.of(Dtype.FLOAT32, steps));
        return f;
    }

    /**
     * The layout a manifest's field table describes.
     *
     * @throws IllegalArgumentException naming the field if one is missing, unknown, or disagrees
     *     with the others
     */
    public static EpisodeLayout fromFields(Map<String, FieldSpec> fields) {
        FieldSpec obs = require(fields, OBS);
        FieldSpec action = require(fields, ACTION);
        FieldSpec proprio = require(fields, PROPRIO);
        FieldSpec state = require(fields, STATE);
        require(fields, REWARD);
        if (obs.shape().size() != 4 || action.shape().size() != 2 || proprio.shape().size() != 2
                || state.shape().size() != 2) {
            throw new IllegalArgumentException("fields: expected obs (T,H,W,3), action (T,A), proprio (T,P), state (T,S), got "
                    + fields);
        }
        List<Long> o = obs.shape();
        EpisodeLayout layout = new EpisodeLayout(o.get(0).intValue(), o.get(1).intValue(), o.get(2).intValue(),
                action.shape().get(1).intValue(), proprio.shape().get(1).intValue(), state.shape().get(1).intValue(),
                fields.containsKey(OBS_CLEAN));
        Map<String, FieldSpec> expected = layout.fields();
        for (Map.Entry<String, FieldSpec> e : fields.entrySet()) {
            FieldSpec want = expected.get(e.getKey());
            if (want == null) {
                throw new IllegalArgumentException("fields." + e.getKey() + ": unknown array, expected one of " + expected.keySet());
            }
            if (!want.equals(e.getValue())) {
                throw new IllegalArgumentException("fields." + e.getKey() + ": expected " + want + " to agree with the other arrays, got "
                        + e.getValue());
            }
        }
        return layout;
    }

    private static FieldSpec require(Map<String, FieldSpec> fields, String name) {
        FieldSpec f = fields.get(name);
        if (f == null) {
            throw new IllegalArgumentException("fields." + name + ": missing from the manifest");
        }
        return f;
    }

    /**
     * Checks that an episode fits this layout and holds only finite numbers, before it is written.
     *
     * @throws IllegalArgumentException naming the field and what was expected
     */
    public void check(Episode ep) {
        if (ep.length() != steps) {
            throw new IllegalArgumentException("length: expected " + steps + " steps, got " + ep.length());
        }
        if (ep.height() != height || ep.width() != width) {
            throw new IllegalArgumentException("obs: expected " + height + "x" + width + " frames, got "
                    + ep.height() + "x" + ep.width());
        }
        if (ep.hasCleanFrames() != withClean) {
            throw new IllegalArgumentException("obs_clean: expected " + (withClean ? "clean frames" : "no clean frames")
                    + " in this dataset, got " + (ep.hasCleanFrames() ? "some" : "none"));
        }
        checkDim(ACTION, ep.actionDim(), actionDim);
        checkDim(PROPRIO, ep.proprioDim(), proprioDim);
        checkDim(STATE, ep.stateDim(), stateDim);
        checkFinite(ACTION, ep.action(), actionDim);
        checkFinite(PROPRIO, ep.proprio(), proprioDim);
        checkFinite(REWARD, ep.reward(), 1);
        double[] s = ep.state();
        for (int i = 0; i < s.length; i++) {
            if (!Double.isFinite(s[i])) {
                throw new IllegalArgumentException(STATE + "[" + i / stateDim + "][" + i % stateDim + "]: expected a finite number, got " + s[i]);
            }
        }
    }

    private static void checkDim(String field, int actual, int expected) {
        if (actual != expected) {
            throw new IllegalArgumentException(field + ": expected dimension " + expected + ", got " + actual);
        }
    }

    private static void checkFinite(String field, float[] values, int dim) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException(field + "[" + i / dim + "][" + i % dim + "]: expected a finite number, got " + values[i]);
            }
        }
    }
}
