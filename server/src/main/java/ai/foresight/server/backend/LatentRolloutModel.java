package ai.foresight.server.backend;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.foresight.planner.objective.Imagination;
import ai.foresight.planner.objective.RolloutModel;
import ai.foresight.worldmodel.LatentContext;
import ai.foresight.worldmodel.Rollout;
import ai.foresight.worldmodel.WorldModel;

/**
 * The planner's view of a {@link WorldModel} for one observation: candidates (N, H, f·A) in environment units are
 * standardised with the training statistics and rolled out from a fixed {@link LatentContext}. Predicted latents are
 * reported as features (DINO-WM mode) or as z (RePo mode), so a goal objective compares them with the goal's latent.
 * Each predicted frame is flattened to (n·C): the mean squared distance is the same, and the objective then averages
 * over one axis only (libtorch's mean in DJL 0.36 refuses several axes at once).
 *
 * <p>The {@code context} argument of {@link #imagine} is ignored: the context is the one given at construction (the
 * objective passes its own context through unchanged). Everything made during a call lives in the actions' manager.
 */
final class LatentRolloutModel implements RolloutModel {
    private final WorldModel model;
    private final LatentContext context;
    private final Standardization frameActions;

    /**
     * @param context      (1, h, n, C) latents, (1, h, P) standardised proprio, (1, h − 1, f·A) standardised actions
     * @param frameActions the (f·A) standardisation of one frame step's concatenated actions
     */
    LatentRolloutModel(WorldModel model, LatentContext context, Standardization frameActions) {
        this.model = model;
        this.context = context;
        this.frameActions = frameActions;
    }

    @Override
    public Imagination imagine(NDArray ignored, NDArray actions) {
        NDManager m = actions.getManager();
        NDArray standardised = actions.sub(m.create(frameActions.mean())).div(m.create(frameActions.std()));
        Rollout rollout = model.rollout(context, standardised);
        Shape s = rollout.latents().getShape();
        NDArray flat = rollout.latents().reshape(s.get(0), s.get(1), s.get(2) * s.get(3));
        return model.config().usesRepo()
                ? new Imagination(null, flat, rollout.proprio(), null)
                : new Imagination(flat, null, rollout.proprio(), null);
    }
}
