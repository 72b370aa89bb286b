package ai.foresight.planner.optim;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;

/**
 * An objective whose costs can be differentiated with respect to the actions through DJL
 * autograd, which is what {@link GradientOptimizer} needs.
 *
 * <p>An implementation whose differentiability depends on something else (for example a world
 * model that may or may not support autograd) overrides {@link #isDifferentiable()} to say so;
 * gradient optimisers refuse an objective that reports {@code false}.
 */
public interface DifferentiableObjective extends ObjectiveFunction {

    @Override
    default boolean isDifferentiable() {
        return true;
    }

    /**
     * Costs and their gradient with respect to the actions, computed with a
     * {@link GradientCollector} on a detached copy of {@code actions}.
     *
     * <p>The gradient of candidate i depends only on candidate i's cost, because the backward
     * pass starts from the sum of independent per-candidate costs.
     *
     * @param actions candidate sequences, {@code (N, H, A)}; left untouched
     * @return costs {@code (N)} (detached) and gradient {@code (N, H, A)}, both attached to the
     *     manager of {@code actions}
     */
    default CostGradient costAndGradient(NDArray actions) {
        NDArray leaf = actions.duplicate();
        leaf.setRequiresGradient(true);
        NDArray costs;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            costs = evaluate(leaf);
            collector.backward(costs.sum());
        }
        NDArray rawGradient = leaf.getGradient();
        NDArray gradient = rawGradient.duplicate();
        NDArray detachedCosts = costs.stopGradient().duplicate();
        gradient.attach(actions.getManager());
        detachedCosts.attach(actions.getManager());
        rawGradient.close();
        costs.close();
        leaf.close();
        return new CostGradient(detachedCosts, gradient);
    }

    /**
     * Costs and gradients of a population.
     *
     * @param costs {@code (N)}
     * @param gradient d cost_i / d actions_i, {@code (N, H, A)}
     */
    record CostGradient(NDArray costs, NDArray gradient) {}
}
