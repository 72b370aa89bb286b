package ai.foresight.worldmodel.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.foresight.worldmodel.LatentContext;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.WorldModel;
import java.util.Random;

/**
 * Measures one-step (teacher-forced) and open-loop multi-step latent prediction error on validation
 * windows against the copy-last-frame baseline. Open loop: the first H frames are context, the model
 * imagines the remaining T − H frames from the recorded actions. The same seed gives the same windows, so
 * evaluations during one run are comparable.
 */
public final class Evaluator {
    private Evaluator() {}

    public static Evaluation evaluate(WorldModel model, FeatureWindows data, int batches, int batchSize, long seed, NDManager parent) {
        PredictorConfig p = model.config().predictor();
        int h = p.historyFrames();
        int t = data.windowFrames();
        if (t < h + 1) {
            throw new IllegalArgumentException("validation windows: expected at least history + 1 = " + (h + 1) + " frames, got " + t);
        }
        int steps = t - h;
        double oneStep = 0;
        double oneStepCopy = 0;
        double[] open = new double[steps];
        double[] openCopy = new double[steps];
        for (int i = 0; i < batches; i++) {
            try (NDManager m = parent.newSubManager()) {
                WindowBatch batch = data.sample(m, batchSize, new Random(seed * 1_000_003L + i)).ownedCopy();
                batch.validate(model.config());
                NDArray latents = model.encode(batch.features()); // (B, T, n, C)
                NDArray props = batch.proprio();
                NDArray inputs = WorldModelLoss.unfold(latents, steps, h, 0);
                NDArray targets = WorldModelLoss.unfold(latents, steps, h, 1);
                NDArray predicted = model.predictor().predict(model.parameterStore(), inputs,
                        WorldModelLoss.unfold(batch.actions(), steps, h, 0),
                        props == null ? null : WorldModelLoss.unfold(props, steps, h, 0), false).mean();
                oneStep += predicted.sub(targets).square().mean().getFloat();
                oneStepCopy += inputs.sub(targets).square().mean().getFloat();

                LatentContext context = new LatentContext(latents.get(":, 0:" + h),
                        props == null ? null : props.get(":, 0:" + h),
                        h > 1 ? batch.actions().get(":, 0:" + (h - 1)) : null);
                NDArray imagined = model.rollout(context, batch.actions().get(":, " + (h - 1) + ":")).latents();
                NDArray future = latents.get(":, " + h + ":");
                float[] perStep = perStepMse(imagined.sub(future));
                float[] perStepCopy = perStepMse(future.sub(latents.get(":, " + (h - 1) + ":" + h)));
                for (int s = 0; s < steps; s++) {
                    open[s] += perStep[s];
                    openCopy[s] += perStepCopy[s];
                }
            }
        }
        for (int s = 0; s < steps; s++) {
            open[s] /= batches;
            openCopy[s] /= batches;
        }
        return new Evaluation(oneStep / batches, oneStepCopy / batches, open, openCopy, (long) batches * batchSize);
    }

    /** Mean square over batch, tokens and channels of (B, S, n, C) errors: (S). */
    private static float[] perStepMse(NDArray error) {
        return error.square().mean(new int[] {3}).mean(new int[] {2}).mean(new int[] {0}).toFloatArray();
    }
}
