package ai.foresight.planner.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.foresight.planner.optim.DifferentiableObjective;

/**
 * Reward-maximising cost of imagined rollouts, as in PlaNet (Hafner et al. 2019) and RePo's
 * planner (Zhu et al. 2023): the negated discounted sum of predicted rewards,
 * {@code -sum_t gamma^t r_t} over the H predicted steps. Differentiable whenever the model is.
 */
public final class RewardObjective implements DifferentiableObjective {
    private final RolloutModel model;
    private final NDArray context;
    private final RewardObjectiveConfig config;

    public RewardObjective(RolloutModel model, NDArray context, RewardObjectiveConfig config) {
        if (model == null) {
            throw new IllegalArgumentException("model: expected a RolloutModel, got null");
        }
        if (config == null) {
            throw new IllegalArgumentException("config: expected a RewardObjectiveConfig, got null");
        }
        this.model = model;
        this.context = context;
        this.config = config;
    }

    @Override
    public boolean isDifferentiable() {
        return model.isDifferentiable();
    }

    @Override
    public NDArray evaluate(NDArray actions) {
        Shape s = actions.getShape();
        if (s.dimension() != 3) {
            throw new IllegalArgumentException("actions: expected shape (N, H, A), got " + s);
        }
        Imagination imagined = model.imagine(context, actions);
        imagined.check(s.get(0), s.get(1));
        NDArray reward = imagined.reward();
        if (reward == null) {
            throw new IllegalArgumentException("imagination.reward: the model predicted none, but a reward objective needs it");
        }
        int h = (int) s.get(1);
        float[] discounts = new float[h];
        for (int t = 0; t < h; t++) {
            discounts[t] = (float) Math.pow(config.discount(), t);
        }
        NDManager m = reward.getManager();
        NDArray w = m.create(discounts);
        NDArray cost = reward.mul(w).sum(new int[] {1}).neg();
        w.close();
        return cost;
    }
}
