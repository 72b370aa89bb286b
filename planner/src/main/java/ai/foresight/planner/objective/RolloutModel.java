package ai.foresight.planner.objective;

import ai.djl.ndarray.NDArray;

/**
 * A model that imagines where action sequences lead, the planner's only view of a world model.
 * The world model module is adapted to it (an adapter lives outside the optimisers), so planning
 * code never depends on a particular predictor.
 *
 * <p>Contract: {@link #imagine} evaluates all N candidates in batched operations, creates its
 * arrays in the actions' manager or leaves them to the caller's scope (the optimiser closes
 * everything made during an iteration), and does not cache arrays made during the call.
 */
public interface RolloutModel {

    /**
     * Imagines the outcome of {@code actions} from {@code context}.
     *
     * @param context the encoded present (e.g. the last frames' patch features {@code (T, P, D)} and
     *     proprio); its layout is the model's business
     * @param actions candidate sequences {@code (N, H, A)} in environment units
     * @return predictions for each of the H steps of each candidate
     */
    Imagination imagine(NDArray context, NDArray actions);

    /** Whether gradients flow from the predictions back to the actions (DJL autograd). */
    default boolean isDifferentiable() {
        return false;
    }
}
