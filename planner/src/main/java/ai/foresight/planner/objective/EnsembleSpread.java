package ai.foresight.planner.objective;

import ai.djl.ndarray.NDArray;

/**
 * How much the members of a model ensemble disagree about imagined steps, in the goal cost's own units: for
 * each candidate and step, the mean over members of the squared distance between a member's prediction and the
 * ensemble mean, averaged over the predicted dimensions like {@link GoalDistanceObjective}'s distances. The
 * mean goal distance of the members is then the ensemble mean's distance plus this spread, so a weight of 1 on
 * it plans with the members' expected cost (PETS, Chua et al. 2018) and a larger weight is pessimism where the
 * members disagree, the ensemble-penalty of MOPO (Yu et al. 2020).
 *
 * @param latent (N, H) spread of the latent the goal cost compares (features or z)
 * @param proprio (N, H) spread of the predicted proprio, or null when the model predicts none
 */
public record EnsembleSpread(NDArray latent, NDArray proprio) {

    public EnsembleSpread {
        if (latent == null) {
            throw new IllegalArgumentException("latent: expected an (N, H) spread, got null");
        }
    }
}
