package ai.foresight.datasets.env;

import java.util.Arrays;
import java.util.List;

/**
 * Static description of a world: frame size, action bounds and the names of the state and proprio
 * dimensions, as stored in a dataset manifest.
 *
 * @param name world id, e.g. {@code wall}, {@code wall-random}, {@code pointmaze}, {@code pusht}
 * @param frameHeight rendered frame height in pixels
 * @param frameWidth rendered frame width in pixels
 * @param actionLow lower action bound per dimension
 * @param actionHigh upper action bound per dimension
 * @param stateNames names of the ground-truth state dimensions
 * @param proprioNames names of the proprio dimensions
 * @param successThreshold distance under which {@link Env#isSuccess} holds (world units)
 */
public record EnvSpec(
        String name,
        int frameHeight,
        int frameWidth,
        double[] actionLow,
        double[] actionHigh,
        List<String> stateNames,
        List<String> proprioNames,
        double successThreshold) {

    public EnvSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: expected a non-empty world id");
        }
        if (frameHeight < 8 || frameWidth < 8) {
            throw new IllegalArgumentException(
                    "frame size: expected at least 8x8 pixels, got " + frameHeight + "x" + frameWidth);
        }
        if (actionLow.length != actionHigh.length || actionLow.length == 0) {
            throw new IllegalArgumentException("action bounds: expected equal, non-zero lengths, got "
                    + actionLow.length + " and " + actionHigh.length);
        }
        for (int i = 0; i < actionLow.length; i++) {
            if (!(actionLow[i] < actionHigh[i])) {
                throw new IllegalArgumentException("action bounds: expected low < high at dimension " + i);
            }
        }
        actionLow = actionLow.clone();
        actionHigh = actionHigh.clone();
        stateNames = List.copyOf(stateNames);
        proprioNames = List.copyOf(proprioNames);
    }

    public int actionDim() {
        return actionLow.length;
    }

    public int stateDim() {
        return stateNames.size();
    }

    public int proprioDim() {
        return proprioNames.size();
    }

    @Override
    public double[] actionLow() {
        return actionLow.clone();
    }

    @Override
    public double[] actionHigh() {
        return actionHigh.clone();
    }

    /** Clips an action into the bounds, element-wise, after checking its length and finiteness. */
    public double[] clip(double[] action) {
        if (action == null || action.length != actionDim()) {
            throw new IllegalArgumentException("action: expected length " + actionDim() + ", got "
                    + (action == null ? "null" : action.length));
        }
        double[] out = new double[action.length];
        for (int i = 0; i < action.length; i++) {
            if (!Double.isFinite(action[i])) {
                throw new IllegalArgumentException("action[" + i + "]: expected a finite number, got " + action[i]);
            }
            out[i] = Math.max(actionLow[i], Math.min(actionHigh[i], action[i]));
        }
        return out;
    }

    @Override
    public String toString() {
        return "EnvSpec[" + name + ", frame " + frameHeight + "x" + frameWidth + ", action "
                + Arrays.toString(actionLow) + ".." + Arrays.toString(actionHigh) + ", state " + stateNames
                + ", proprio " + proprioNames + ", success < " + successThreshold + "]";
    }
}
