package ai.foresight.adaptation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.WorldModel;
import ai.foresight.worldmodel.nn.LatentPredictor;
import ai.foresight.worldmodel.nn.LiveScalar;

/**
 * How well the frozen predictor explains the adapted target latents: every window of H + 1 consecutive
 * frames, teacher-forced, scored by the Gaussian negative log-likelihood per latent dim under the RePo
 * prior, ½((z − μ)/σ)² + log σ (constant dropped), or by the MSE for a deterministic (feature-mode)
 * predictor. RePo uses this term optionally, to keep the adapted encoder consistent with the dynamics it
 * must drive. Gradients reach the latents on both sides of each transition, never the predictor.
 */
final class DynamicsConsistency {
    private final WorldModel model;

    DynamicsConsistency(WorldModel model) {
        this.model = model;
    }

    /** Checks that {@code batch} can feed the predictor, naming the first field that cannot. */
    void check(TargetBatch batch) {
        PredictorConfig p = model.config().predictor();
        int h = p.historyFrames();
        if (batch.windowLength() < h + 1) {
            throw new IllegalArgumentException("frames: the dynamics term needs windows of at least history + 1 = " + (h + 1)
                    + " frames, got " + batch.windowLength() + " (set dynamicsWeight to 0 for single frames)");
        }
        long kA = batch.actions().getShape().get(2);
        if (kA != p.frameActionDim()) {
            throw new IllegalArgumentException("actions: expected " + p.frameActionDim() + " values per frame step (k·A), got " + kA);
        }
        if (p.proprioDim() > 0) {
            if (batch.proprio() == null) {
                throw new IllegalArgumentException("proprio: the model's predictor reads " + p.proprioDim()
                        + " proprio dims; a batch without proprio can only be used with dynamicsWeight = 0");
            }
            if (batch.proprio().getShape().get(2) != p.proprioDim()) {
                throw new IllegalArgumentException("proprio: expected " + p.proprioDim() + " dims, got " + batch.proprio().getShape());
            }
        }
    }

    /**
     * @param latents (B, T, n, C) adapted target latents (graph kept)
     * @param batch the batch they came from (actions, proprio)
     * @return the scalar loss, in the manager of {@code latents}
     */
    NDArray loss(NDArray latents, TargetBatch batch) {
        PredictorConfig p = model.config().predictor();
        int h = p.historyFrames();
        int windows = batch.windowLength() - h;
        NDArray proprio = p.proprioDim() > 0 ? batch.proprio() : null;
        LatentPredictor.Prediction prediction = model.predictor().predict(model.parameterStore(),
                unfold(latents, windows, h, 0), unfold(batch.actions(), windows, h, 0),
                proprio == null ? null : unfold(proprio, windows, h, 0), false);
        NDArray next = unfold(latents, windows, h, 1);
        NDArray error = next.sub(prediction.mean());
        if (prediction.std() == null) {
            return error.square().mean();
        }
        NDArray std = prediction.std();
        return LiveScalar.times(error.div(std).square(), 0.5).add(std.log()).mean();
    }

    /** (B, T, …) → (windows·B, length, …): the sub-windows starting at offset + s, stacked along the batch. */
    private static NDArray unfold(NDArray x, int windows, int length, int offset) {
        NDList parts = new NDList(windows);
        for (int s = 0; s < windows; s++) {
            parts.add(x.get(":, " + (offset + s) + ":" + (offset + s + length)));
        }
        return parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 0);
    }
}
