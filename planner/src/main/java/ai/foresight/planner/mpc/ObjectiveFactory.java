package ai.foresight.planner.mpc;

import ai.djl.ndarray.NDArray;
import ai.foresight.planner.optim.ObjectiveFunction;

/**
 * Builds the objective of one plan from the encoded present, e.g.
 * {@code context -> new GoalDistanceObjective(model, context, goal, config)}. The goal (and the
 * model) are closed over by the factory.
 */
@FunctionalInterface
public interface ObjectiveFactory {

    /**
     * @param context the encoded current observation (valid for this plan only)
     * @return costs of {@code (N, H, A)} action sequences in environment units
     */
    ObjectiveFunction create(NDArray context);
}
