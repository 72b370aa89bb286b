package ai.foresight.planner;

import ai.djl.ndarray.NDArray;
import ai.foresight.planner.optim.DifferentiableObjective;
import ai.foresight.planner.optim.ObjectiveFunction;

/**
 * An objective written in environment units, seen by an optimiser in normalised units: it maps
 * the population through {@code mean + std * u} and calls the objective. The map is affine and
 * built from NDArray operations, so the result is differentiable exactly when the wrapped
 * objective is.
 */
final class NormalisedObjective implements DifferentiableObjective {
    private final ObjectiveFunction envObjective;
    private final ActionNormalization normalization;

    NormalisedObjective(ObjectiveFunction envObjective, ActionNormalization normalization) {
        this.envObjective = envObjective;
        this.normalization = normalization;
    }

    @Override
    public NDArray evaluate(NDArray actions) {
        NDArray env = normalization.toEnv(actions);
        return envObjective.evaluate(env);
    }

    @Override
    public boolean isDifferentiable() {
        return envObjective.isDifferentiable();
    }
}
