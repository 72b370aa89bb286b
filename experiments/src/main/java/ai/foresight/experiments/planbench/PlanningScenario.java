package ai.foresight.experiments.planbench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.foresight.worldmodel.LatentContext;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.Rollout;
import ai.foresight.worldmodel.WorldModel;
import java.util.Random;

/**
 * A start/goal pair whose goal the model can reach exactly: the start is H context frames of random
 * encoder features (standard normal, with random proprio and past actions), and the goal is the last
 * frame the model itself imagines under a random reference action sequence. So a planner's best
 * possible cost is 0, and two planners compared on the same scenario search the same landscape.
 * Numbers come from a seeded {@link Random}, not libtorch's global generator: same seed, same scenario.
 */
public final class PlanningScenario implements AutoCloseable {
    private final NDManager manager;
    private final LatentContext context;
    private final NDArray goalLatents;
    private final NDArray goalProprio;
    private final float[] referenceActions;

    private PlanningScenario(NDManager manager, LatentContext context, NDArray goalLatents, NDArray goalProprio,
            float[] referenceActions) {
        this.manager = manager;
        this.context = context;
        this.goalLatents = goalLatents;
        this.goalProprio = goalProprio;
        this.referenceActions = referenceActions;
    }

    /**
     * @param model the world model
     * @param horizon frame steps H to the goal
     * @param actionBound reference actions are uniform in [-bound, bound]
     * @param seed scenario seed
     * @param parent owner of the scenario's arrays (a sub-manager, closed with the scenario)
     */
    public static PlanningScenario reachable(WorldModel model, int horizon, float actionBound, long seed, NDManager parent) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon: expected at least 1, got " + horizon);
        }
        PredictorConfig p = model.config().predictor();
        int h = p.historyFrames();
        int ka = p.frameActionDim();
        Random random = new Random(seed);
        NDManager m = parent.newSubManager();
        try {
            NDArray features = m.create(normal(random, h * p.patchesPerFrame() * p.featureDim()),
                    new Shape(1, h, p.patchesPerFrame(), p.featureDim()));
            NDArray proprio = p.proprioDim() > 0
                    ? m.create(normal(random, h * p.proprioDim()), new Shape(1, h, p.proprioDim())) : null;
            NDArray past = h > 1 ? m.create(uniform(random, (h - 1) * ka, actionBound), new Shape(1, h - 1, ka)) : null;
            LatentContext context = model.context(features, proprio, past);
            float[] reference = uniform(random, horizon * ka, actionBound);
            NDArray actions = m.create(reference, new Shape(1, horizon, ka));
            Rollout imagined = model.rollout(context, actions);
            NDArray goal = imagined.latents().get("0, " + (horizon - 1));
            NDArray goalProprio = imagined.proprio() == null ? null : imagined.proprio().get("0, " + (horizon - 1));
            return new PlanningScenario(m, context, goal, goalProprio, reference);
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /** The observed frames, (1, h, n, C). */
    public LatentContext context() {
        return context;
    }

    /** The goal's latent frame, (n, C). */
    public NDArray goalLatents() {
        return goalLatents;
    }

    /** The goal's proprio, (P), or null for a model without proprio. */
    public NDArray goalProprio() {
        return goalProprio;
    }

    /** The reference actions that reach the goal, (H·k·A) row-major. */
    public float[] referenceActions() {
        return referenceActions.clone();
    }

    /** DINO-WM's cost for this scenario (alpha = 1 when the model predicts proprio). */
    public LatentGoalObjective objective(WorldModel model) {
        return new LatentGoalObjective(model, context, goalLatents, goalProprio, goalProprio == null ? 0f : 1f);
    }

    private static float[] normal(Random random, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    private static float[] uniform(Random random, int count, float bound) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (random.nextFloat() * 2 - 1) * bound;
        }
        return values;
    }

    @Override
    public void close() {
        manager.close();
    }
}
