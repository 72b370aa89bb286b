package ai.foresight.experiments.planbench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.foresight.planner.optim.ObjectiveFunction;
import ai.foresight.worldmodel.LatentContext;
import ai.foresight.worldmodel.Rollout;
import ai.foresight.worldmodel.WorldModel;

/**
 * DINO-WM's planning cost (Zhou et al., 2024) straight on a {@link WorldModel}: imagine each candidate's
 * frame-step actions from a shared context, then take the mean squared distance between the last
 * imagined latent frame and the goal's, plus {@code proprioWeight} times the mean squared proprio
 * distance. One batched rollout per call.
 *
 * <p>Candidates are (N, S, k·A) frame-step actions in the model's (normalised) action units. The goal
 * arrays are long-lived; everything made while evaluating belongs to the caller's scope.
 */
public final class LatentGoalObjective implements ObjectiveFunction {
    private final WorldModel model;
    private final LatentContext context;
    private final NDArray goalLatents;
    private final NDArray goalProprio;
    private final float proprioWeight;

    /**
     * @param model the world model
     * @param context the observed frames, (1, h, n, C) latents
     * @param goalLatents (n, C)
     * @param goalProprio (P), or null when {@code proprioWeight} is 0
     * @param proprioWeight alpha ≥ 0 (DINO-WM: 1 for Wall)
     */
    public LatentGoalObjective(WorldModel model, LatentContext context, NDArray goalLatents, NDArray goalProprio,
            float proprioWeight) {
        int n = model.config().predictor().tokensPerFrame();
        Shape expected = new Shape(n, model.config().latentDim());
        if (!goalLatents.getShape().equals(expected)) {
            throw new IllegalArgumentException("goalLatents: expected " + expected + ", got " + goalLatents.getShape());
        }
        if (!(proprioWeight >= 0) || !Float.isFinite(proprioWeight)) {
            throw new IllegalArgumentException("proprioWeight: expected a finite value >= 0, got " + proprioWeight);
        }
        int p = model.config().predictor().proprioDim();
        if (proprioWeight > 0 && (p == 0 || goalProprio == null || !goalProprio.getShape().equals(new Shape(p)))) {
            throw new IllegalArgumentException("goalProprio: expected shape (" + p + ") because proprioWeight is "
                    + proprioWeight + ", got " + (goalProprio == null ? "null" : goalProprio.getShape()));
        }
        this.model = model;
        this.context = context;
        this.goalLatents = goalLatents;
        this.goalProprio = goalProprio;
        this.proprioWeight = proprioWeight;
    }

    @Override
    public NDArray evaluate(NDArray actions) {
        Rollout rollout = model.rollout(context, actions);
        long steps = actions.getShape().get(1);
        String last = ":, " + (steps - 1);
        long candidates = actions.getShape().get(0);
        // libtorch's mean takes one axis in DJL: flatten (N, n, C) to (N, n·C) first
        NDArray cost = rollout.latents().get(last).sub(goalLatents).square().reshape(candidates, -1).mean(new int[] {1});
        if (proprioWeight > 0) {
            NDArray proprio = rollout.proprio().get(last).sub(goalProprio).square().mean(new int[] {1});
            cost = cost.add(proprio.mul(proprioWeight));
        }
        return cost;
    }
}
