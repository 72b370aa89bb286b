package ai.foresight.server.spi;

import java.util.Arrays;

/**
 * What a client must know to talk to the backend: the camera frame size the encoder expects, the action space, the
 * control timing and the planner's defaults and limits. Immutable; safe to read from any thread.
 *
 * @param modelId     identifies the checkpoint (echoed in every answer so robots can log which model acted)
 * @param imageHeight H of the (H, W, 3) uint8 observation and goal frames
 * @param imageWidth  W of the frames
 * @param actionDim   A, the size of one action
 * @param actionLow   (A) lower action bounds
 * @param actionHigh  (A) upper action bounds
 * @param frameskip   environment steps each planned action is held for
 * @param chunkSize   k, actions returned per plan for the robot to execute before replanning
 * @param proprioDim  P, the length of the proprioceptive vector (0 when the model uses none)
 * @param defaults    planner settings used when a request gives none
 * @param limits      upper bounds a request's settings are clamped to
 */
public record ModelInfo(String modelId, int imageHeight, int imageWidth, int actionDim, float[] actionLow,
                        float[] actionHigh, int frameskip, int chunkSize, int proprioDim, PlannerSettings defaults,
                        PlannerLimits limits) {

    public ModelInfo {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("modelId: expected a non-blank id");
        }
        if (imageHeight < 1 || imageWidth < 1) {
            throw new IllegalArgumentException("image size: expected positive height and width, got " + imageHeight
                    + "x" + imageWidth);
        }
        if (actionDim < 1) {
            throw new IllegalArgumentException("actionDim: expected >= 1, got " + actionDim);
        }
        actionLow = checkedBounds("actionLow", actionLow, actionDim);
        actionHigh = checkedBounds("actionHigh", actionHigh, actionDim);
        for (int i = 0; i < actionDim; i++) {
            if (!(actionLow[i] < actionHigh[i])) {
                throw new IllegalArgumentException("actionLow[" + i + "]: expected < actionHigh[" + i + "] ("
                        + actionHigh[i] + "), got " + actionLow[i]);
            }
        }
        if (frameskip < 1) {
            throw new IllegalArgumentException("frameskip: expected >= 1, got " + frameskip);
        }
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize: expected >= 1, got " + chunkSize);
        }
        if (proprioDim < 0) {
            throw new IllegalArgumentException("proprioDim: expected >= 0, got " + proprioDim);
        }
        if (defaults == null || limits == null) {
            throw new IllegalArgumentException("defaults and limits: expected both, got " + defaults + ", " + limits);
        }
        if (limits.maxHorizon() < chunkSize) {
            throw new IllegalArgumentException("limits.maxHorizon: expected >= chunkSize (" + chunkSize + "), got "
                    + limits.maxHorizon());
        }
        if (defaults.horizon() < chunkSize) {
            throw new IllegalArgumentException("defaults.horizon: expected >= chunkSize (" + chunkSize + "), got "
                    + defaults.horizon());
        }
        if (!defaults.clampTo(limits).equals(defaults)) {
            throw new IllegalArgumentException("defaults: expected within limits " + limits + ", got " + defaults);
        }
    }

    private static float[] checkedBounds(String field, float[] bounds, int actionDim) {
        if (bounds == null || bounds.length != actionDim) {
            throw new IllegalArgumentException(field + ": expected length " + actionDim + ", got "
                    + (bounds == null ? "null" : bounds.length));
        }
        for (int i = 0; i < bounds.length; i++) {
            if (!Float.isFinite(bounds[i])) {
                throw new IllegalArgumentException(field + "[" + i + "]: expected a finite number, got " + bounds[i]);
            }
        }
        return bounds.clone();
    }

    /** A copy of the (A) lower bounds. */
    @Override
    public float[] actionLow() {
        return actionLow.clone();
    }

    /** A copy of the (A) upper bounds. */
    @Override
    public float[] actionHigh() {
        return actionHigh.clone();
    }

    /** Bytes of one raw (H, W, 3) uint8 frame. */
    public int frameBytes() {
        return imageHeight * imageWidth * 3;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelInfo m && m.modelId.equals(modelId) && m.imageHeight == imageHeight
                && m.imageWidth == imageWidth && m.actionDim == actionDim && Arrays.equals(m.actionLow, actionLow)
                && Arrays.equals(m.actionHigh, actionHigh) && m.frameskip == frameskip && m.chunkSize == chunkSize
                && m.proprioDim == proprioDim && m.defaults.equals(defaults) && m.limits.equals(limits);
    }

    @Override
    public int hashCode() {
        return 31 * modelId.hashCode() + Arrays.hashCode(actionLow) + 7 * Arrays.hashCode(actionHigh);
    }

    @Override
    public String toString() {
        return "ModelInfo[" + modelId + ", image " + imageHeight + "x" + imageWidth + ", A=" + actionDim + " in "
                + Arrays.toString(actionLow) + ".." + Arrays.toString(actionHigh) + ", frameskip " + frameskip
                + ", k=" + chunkSize + ", P=" + proprioDim + ", defaults " + defaults + ", limits " + limits + "]";
    }
}
