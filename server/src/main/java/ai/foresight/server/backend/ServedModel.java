package ai.foresight.server.backend;

import ai.foresight.encoders.PatchEncoder;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.WorldModel;
import ai.foresight.worldmodel.data.DataNormalization;

/**
 * One trained model as the server needs it: the frozen patch encoder, the latent world model over its features, the
 * camera frame size robots send, the environment's action box and the dataset statistics the model was trained with
 * (actions and proprio are standardised per dimension before they reach the predictor).
 *
 * <p>Closing it closes the world model and the encoder; a {@link ModelBackend} only borrows it.
 *
 * @param modelId      identifies the checkpoint; echoed in every answer
 * @param encoder      frozen patch encoder, (B, 3, H', W') in 0..1 to (B, N, D)
 * @param worldModel   latent predictor trained on that encoder's features
 * @param imageHeight  H of the (H, W, 3) frames robots send (resized to the encoder's input when it differs)
 * @param imageWidth   W of those frames
 * @param actionLow    (A) lower bounds of one environment action
 * @param actionHigh   (A) upper bounds
 * @param normalization the per-dimension action and proprio statistics the model was trained with
 */
public record ServedModel(String modelId, PatchEncoder encoder, WorldModel worldModel, int imageHeight, int imageWidth,
                          float[] actionLow, float[] actionHigh, DataNormalization normalization)
        implements AutoCloseable {

    public ServedModel {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("modelId: expected a non-blank id");
        }
        if (encoder == null || worldModel == null) {
            throw new IllegalArgumentException("encoder and worldModel: expected both, got " + encoder + ", " + worldModel);
        }
        if (imageHeight < 1 || imageWidth < 1) {
            throw new IllegalArgumentException("image size: expected positive height and width, got " + imageHeight + "x"
                    + imageWidth);
        }
        PredictorConfig p = worldModel.config().predictor();
        if (encoder.dim() != p.featureDim() || encoder.tokens() != p.patchesPerFrame()) {
            throw new IllegalArgumentException("encoder: expected " + p.patchesPerFrame() + " patches of " + p.featureDim()
                    + " dims (the world model's input), got " + encoder.tokens() + " of " + encoder.dim());
        }
        actionLow = checkedVector("actionLow", actionLow, p.actionDim());
        actionHigh = checkedVector("actionHigh", actionHigh, p.actionDim());
        for (int i = 0; i < actionLow.length; i++) {
            if (!(actionLow[i] < actionHigh[i])) {
                throw new IllegalArgumentException("actionLow[" + i + "]: expected < actionHigh[" + i + "] ("
                        + actionHigh[i] + "), got " + actionLow[i]);
            }
        }
        if (normalization == null || normalization.actionDim() != p.actionDim()
                || p.proprioDim() > 0 && normalization.proprioDim() != p.proprioDim()) {
            throw new IllegalArgumentException("normalization: expected " + p.actionDim() + " action and " + p.proprioDim()
                    + " proprio dimensions like the world model, got " + (normalization == null ? "null"
                    : normalization.actionDim() + " and " + normalization.proprioDim()));
        }
    }

    private static float[] checkedVector(String field, float[] values, int length) {
        if (values == null || values.length != length) {
            throw new IllegalArgumentException(field + ": expected length " + length + ", got "
                    + (values == null ? "null" : values.length));
        }
        for (int i = 0; i < length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException(field + "[" + i + "]: expected a finite number, got " + values[i]);
            }
        }
        return values.clone();
    }

    /** The world model's predictor settings (history, frameskip, dimensions). */
    public PredictorConfig predictor() {
        return worldModel.config().predictor();
    }

    /** A, the size of one environment action. */
    public int actionDim() {
        return predictor().actionDim();
    }

    /** f, the environment steps one latent frame spans (the frame action is f actions concatenated). */
    public int frameskip() {
        return predictor().frameskip();
    }

    /** P, the proprio length (0 when the model uses none). */
    public int proprioDim() {
        return predictor().proprioDim();
    }

    @Override
    public float[] actionLow() {
        return actionLow.clone();
    }

    @Override
    public float[] actionHigh() {
        return actionHigh.clone();
    }

    /** One line for logs and the serve command: id, frame size, action space, timing and model size. */
    public String summary() {
        PredictorConfig p = predictor();
        return String.format("%s: %dx%d frames, encoder %s (%d patches x %d), world model '%s' %s (%,d params, history %d),"
                        + " A=%d, frameskip %d, P=%d", modelId, imageHeight, imageWidth, encoder.getClass().getSimpleName(),
                encoder.tokens(), encoder.dim(), p.name(), worldModel.config().usesRepo() ? "RePo" : "features",
                worldModel.parameterCount(), p.historyFrames(), p.actionDim(), p.frameskip(), p.proprioDim());
    }

    /** Closes the world model, then the encoder. */
    @Override
    public void close() {
        try {
            worldModel.close();
        } finally {
            encoder.close();
        }
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "ServedModel[" + modelId + "]";
    }
}
