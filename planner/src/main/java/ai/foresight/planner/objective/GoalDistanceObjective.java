package ai.foresight.planner.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.foresight.planner.optim.DifferentiableObjective;

/**
 * Goal-reaching cost of imagined rollouts, DINO-WM's planning objective (Zhou et al. 2024): the
 * mean squared distance between predicted and goal latents (patch features by default, or the
 * compact z latent), on the last predicted frame or discounted over all frames, plus alpha times
 * the mean squared proprio distance. With an ensemble, each distance gains lambda times the members' spread
 * ({@link EnsembleSpread}): lambda 1 is the members' expected cost (PETS), more penalises their disagreement.
 *
 * <p>Per step, the distance is averaged over every latent dimension after (N, H), so its scale does
 * not depend on the number of patches. Built from NDArray operations only: differentiable
 * whenever the {@link RolloutModel} is.
 */
public final class GoalDistanceObjective implements DifferentiableObjective {
    private final RolloutModel model;
    private final NDArray context;
    private final Goal goal;
    private final GoalObjectiveConfig config;

    /**
     * @param model imagines rollouts
     * @param context the encoded present, passed to the model unchanged
     * @param goal goal latents; the one {@code config.space()} names must be present, and proprio when alpha > 0
     * @param config latent space, frame weighting and alpha
     */
    public GoalDistanceObjective(RolloutModel model, NDArray context, Goal goal, GoalObjectiveConfig config) {
        if (model == null) {
            throw new IllegalArgumentException("model: expected a RolloutModel, got null");
        }
        if (goal == null) {
            throw new IllegalArgumentException("goal: expected a Goal, got null");
        }
        if (config == null) {
            throw new IllegalArgumentException("config: expected a GoalObjectiveConfig, got null");
        }
        if (goalLatent(goal, config) == null) {
            throw new IllegalArgumentException("goal." + (config.space() == GoalObjectiveConfig.LatentSpace.Z ? "z" : "features")
                    + ": expected an array for a " + config.space() + "-space objective, got null");
        }
        if (config.proprioWeight() > 0 && goal.proprio() == null) {
            throw new IllegalArgumentException("goal.proprio: expected an array because proprioWeight is "
                    + config.proprioWeight() + ", got null");
        }
        this.model = model;
        this.context = context;
        this.goal = goal;
        this.config = config;
    }

    public GoalObjectiveConfig config() {
        return config;
    }

    @Override
    public boolean isDifferentiable() {
        return model.isDifferentiable();
    }

    @Override
    public NDArray evaluate(NDArray actions) {
        return terms(actions).total();
    }

    /** The cost and its named parts for a population {@code (N, H, A)}. */
    public GoalCostTerms terms(NDArray actions) {
        Shape s = actions.getShape();
        if (s.dimension() != 3) {
            throw new IllegalArgumentException("actions: expected shape (N, H, A), got " + s);
        }
        Imagination imagined = model.imagine(context, actions);
        imagined.check(s.get(0), s.get(1));
        boolean zSpace = config.space() == GoalObjectiveConfig.LatentSpace.Z;
        NDArray predicted = zSpace ? imagined.z() : imagined.features();
        if (predicted == null) {
            throw new IllegalArgumentException("imagination." + (zSpace ? "z" : "features")
                    + ": the model predicted none, but a " + config.space() + "-space goal objective needs it");
        }
        EnsembleSpread spread = config.disagreementWeight() > 0 ? requireSpread(imagined) : null;
        NDArray latentStep = perStepDistance("goal." + (zSpace ? "z" : "features"), predicted, goalLatent(goal, config));
        if (spread != null) {
            latentStep = latentStep.add(spread.latent().mul(config.disagreementWeight()));
        }
        NDArray latent = config.frames().reduce(latentStep);
        if (config.proprioWeight() == 0) {
            return new GoalCostTerms(latent, null, latent);
        }
        if (imagined.proprio() == null) {
            throw new IllegalArgumentException("imagination.proprio: the model predicted none, but proprioWeight is "
                    + config.proprioWeight());
        }
        NDArray proprioStep = perStepDistance("goal.proprio", imagined.proprio(), goal.proprio());
        if (spread != null && spread.proprio() != null) {
            proprioStep = proprioStep.add(spread.proprio().mul(config.disagreementWeight()));
        }
        NDArray proprio = config.frames().reduce(proprioStep);
        NDArray total = latent.add(proprio.mul(config.proprioWeight()));
        return new GoalCostTerms(latent, proprio, total);
    }

    private EnsembleSpread requireSpread(Imagination imagined) {
        if (imagined.spread() == null) {
            throw new IllegalArgumentException("imagination.spread: disagreementWeight is " + config.disagreementWeight()
                    + ", which needs an ensemble of models (a single model imagines no spread)");
        }
        return imagined.spread();
    }

    /** Mean squared distance per step: {@code (N, H, d...)} vs {@code (d...)} to {@code (N, H)}. */
    private static NDArray perStepDistance(String goalField, NDArray predicted, NDArray target) {
        Shape frame = predicted.getShape().slice(2);
        if (!target.getShape().equals(frame)) {
            throw new IllegalArgumentException(goalField + ": expected shape " + frame
                    + " (one predicted step), got " + target.getShape());
        }
        NDArray squared = predicted.sub(target).square();
        if (frame.dimension() == 0) {
            return squared;
        }
        // one flattened axis: DJL's PyTorch mean takes a single axis, and a (n, C) patch-grid goal has two
        Shape shape = squared.getShape();
        return squared.reshape(shape.get(0), shape.get(1), frame.size()).mean(new int[] {2});
    }

    private static NDArray goalLatent(Goal goal, GoalObjectiveConfig config) {
        return config.space() == GoalObjectiveConfig.LatentSpace.Z ? goal.z() : goal.features();
    }
}
