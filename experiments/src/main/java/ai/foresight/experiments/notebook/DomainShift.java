package ai.foresight.experiments.notebook;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.foresight.datasets.env.EnvSpec;
import ai.foresight.datasets.env.Observation;
import ai.foresight.datasets.image.Frame;
import ai.foresight.planner.agent.WorldModelRollout;
import ai.foresight.planner.objective.Goal;
import ai.foresight.planner.objective.Imagination;
import ai.foresight.worldmodel.PredictorConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * How much a domain shift (RePo's spurious variations: moving shapes, a noisy TV, colour and lighting
 * changes; Zhu et al. 2023) disturbs a model trained on clean frames, measured on paired frames of the same
 * states: the shifted camera frame and the clean frame {@link World#clean()} renders.
 *
 * <p>For each of S sampled states: the frozen encoder's patch features and the model's latents of both
 * frames, and the model's one-step prediction after k random actions from either frame, scored against the
 * latent of the clean frame that really follows. The shifts are reported relative to how much the features
 * differ between states, so 1.0 means "the distractors move the features as much as moving the agent does".
 */
public final class DomainShift {
    private DomainShift() {}

    /**
     * Measures {@code model} on {@code states} states of {@code shifted} (a world made with
     * {@link World#withDistractors}), reset with seeds 1000, 1001, …. The world's episode changes.
     */
    public static ShiftReport measure(LearnedModel model, World shifted, int states) {
        if (shifted.distractors().isEmpty()) {
            throw new IllegalArgumentException("world: expected one with distractors (World.withDistractors), got a clean "
                    + shifted.id());
        }
        if (states < 2) {
            throw new IllegalArgumentException("states: expected at least 2 (the spread needs two), got " + states);
        }
        PredictorConfig p = model.worldModel().config().predictor();
        int k = p.frameskip();
        EnvSpec spec = shifted.spec();
        List<Frame> shiftedNow = new ArrayList<>();
        List<Frame> cleanNow = new ArrayList<>();
        List<Frame> cleanNext = new ArrayList<>();
        float[][] proprio = new float[states][];
        float[][] actions = new float[states][];
        Random random = new Random(states);
        for (int i = 0; i < states; i++) {
            shifted.reset(1000 + i);
            Observation now = shifted.observe();
            shiftedNow.add(now.frame());
            cleanNow.add(shifted.clean().frame());
            proprio[i] = now.proprio();
            actions[i] = new float[k * spec.actionDim()];
            for (int j = 0; j < k; j++) {
                double[] a = new double[spec.actionDim()];
                for (int d = 0; d < a.length; d++) {
                    a[d] = spec.actionLow()[d] + random.nextDouble() * (spec.actionHigh()[d] - spec.actionLow()[d]);
                    actions[i][j * a.length + d] = (float) a[d];
                }
                shifted.step(a);
            }
            cleanNext.add(shifted.clean().frame());
        }
        float[][] fShifted = model.features(shiftedNow);
        float[][] fClean = model.features(cleanNow);
        float[][] fNext = model.features(cleanNext);
        int n = model.encoder().tokens();
        int d = model.encoder().dim();
        try (NDManager m = model.manager().newSubManager()) {
            NDArray shiftedF = stack(m, fShifted, n, d);
            NDArray cleanF = stack(m, fClean, n, d);
            double featureShift = shiftedF.sub(cleanF).square().mean().getFloat();
            double featureSpread = spread(cleanF);
            NDArray shiftedZ = model.worldModel().encode(shiftedF);
            NDArray cleanZ = model.worldModel().encode(cleanF);
            double latentShift = shiftedZ.sub(cleanZ).square().mean().getFloat();
            double latentSpread = spread(cleanZ);

            WorldModelRollout rollout = new WorldModelRollout(model.worldModel(), model.trained().normalization());
            boolean usesProprio = p.proprioDim() > 0;
            double errorClean = 0;
            double errorShifted = 0;
            for (int i = 0; i < states; i++) {
                NDArray next = m.create(fNext[i], new Shape(n, d));
                Goal target = rollout.goal(next, null);
                NDArray truth = target.features() != null ? target.features() : target.z();
                NDArray act = m.create(actions[i], new Shape(1, 1, actions[i].length));
                float[][] prop = usesProprio ? new float[][] {proprio[i]} : null;
                errorClean += predictionError(rollout, m.create(fClean[i], new Shape(1, n, d)), prop, act, truth);
                errorShifted += predictionError(rollout, m.create(fShifted[i], new Shape(1, n, d)), prop, act, truth);
            }
            return new ShiftReport(String.join("+", shifted.distractors()), states, featureShift, featureSpread,
                    latentShift, latentSpread, errorClean / states, errorShifted / states);
        }
    }

    /** MSE of the imagined next latent (from one context frame and one frame-step action) against {@code truth}. */
    private static double predictionError(WorldModelRollout rollout, NDArray features, float[][] proprio, NDArray action,
            NDArray truth) {
        NDArray context = rollout.context(features, proprio, null);
        Imagination imagined = rollout.imagine(context, action);
        NDArray predicted = imagined.features() != null ? imagined.features() : imagined.z();
        return predicted.reshape(truth.getShape()).sub(truth).square().mean().getFloat();
    }

    /** Mean squared distance of each row (state) from the mean row: how much states differ. */
    private static double spread(NDArray rows) {
        return rows.sub(rows.mean(new int[] {0}, true)).square().mean().getFloat();
    }

    private static NDArray stack(NDManager m, float[][] rows, int n, int d) {
        float[] flat = new float[rows.length * n * d];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * n * d, n * d);
        }
        return m.create(flat, new Shape(rows.length, n, d));
    }
}
