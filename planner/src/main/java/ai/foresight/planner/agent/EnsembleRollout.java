package ai.foresight.planner.agent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.foresight.planner.objective.EnsembleSpread;
import ai.foresight.planner.objective.Imagination;
import ai.foresight.planner.objective.RolloutModel;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.WorldModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An ensemble of world models trained alike (same preset, data and encoder; different seeds), imagined together:
 * the planner sees the members' mean prediction and their {@link EnsembleSpread}, which grows where the data never
 * went and the members extrapolate each in its own way. This is the uncertainty of PETS (Chua et al. 2018,
 * "Deep Reinforcement Learning in a Handful of Trials using Probabilistic Dynamics Models") and mbrl-lib's
 * ensembles, used as MOPO's penalty (Yu et al. 2020): a search that finds a sequence one model mispredicts (a dot
 * imagined through a wall) pays for the members that do not. That needs members that disagree there: two Wall
 * models differing only in their seed imagined the same passage through the wall and the penalty changed nothing
 * (planner README), so members trained on other data or resamples of it are the next thing to try.
 *
 * <p>Members share the context: in feature mode a model's latent is the encoder's patches pooled to its token grid,
 * the same for every member with the same {@link PredictorConfig}, so the first member's {@link WorldModelRollout}
 * builds the context and goal and each member imagines from them. RePo members are refused, since each learns its
 * own z. Each step costs one batched rollout per member.
 */
public final class EnsembleRollout implements RolloutModel {
    private final List<WorldModelRollout> members;

    /**
     * @param members at least two rollouts of feature-mode models with equal predictor configs and normalisation
     *     (not owned)
     */
    public EnsembleRollout(List<WorldModelRollout> members) {
        if (members == null || members.size() < 2) {
            throw new IllegalArgumentException("members: expected at least 2 models for an ensemble, got "
                    + (members == null ? "null" : members.size()));
        }
        WorldModelRollout first = members.get(0);
        PredictorConfig config = first.model().config().predictor();
        for (int i = 0; i < members.size(); i++) {
            WorldModel model = members.get(i).model();
            if (model.config().usesRepo()) {
                throw new IllegalArgumentException("members[" + i + "]: expected a feature-mode (dino-wm) model; a RePo model's z is its own, "
                        + "so members' z cannot be averaged");
            }
            PredictorConfig other = model.config().predictor();
            if (!sameShapes(config, other)) {
                throw new IllegalArgumentException("members[" + i + "]: expected the predictor shapes of members[0] (" + describe(config)
                        + "), got " + describe(other));
            }
            if (!members.get(i).normalization().equals(first.normalization())) {
                throw new IllegalArgumentException("members[" + i + "]: expected the action/proprio statistics of members[0] "
                        + "(train every member on the same data), got different ones");
            }
        }
        this.members = List.copyOf(members);
    }

    public int size() {
        return members.size();
    }

    @Override
    public Imagination imagine(NDArray context, NDArray actions) {
        List<Imagination> each = new ArrayList<>(members.size());
        for (WorldModelRollout member : members) {
            each.add(member.imagine(context, actions));
        }
        Shape a = actions.getShape();
        long n = a.get(0);
        long h = a.get(1);
        Imagination head = each.get(0);
        // the constructor admits feature-mode members only: the latent is always in features, never z
        Spread features = spread(each, Imagination::features, n, h);
        Spread proprio = head.proprio() != null ? spread(each, Imagination::proprio, n, h) : null;
        NDArray reward = head.reward() != null ? stack(each, Imagination::reward).mean(new int[] {0}) : null;
        return new Imagination(features.mean(), null, proprio == null ? null : proprio.mean(), reward,
                new EnsembleSpread(features.perStep(), proprio == null ? null : proprio.perStep()));
    }

    /** The ensemble mean (N, H, ...) and the per-step spread (N, H) of one predicted quantity. */
    private record Spread(NDArray mean, NDArray perStep) {}

    private static Spread spread(List<Imagination> each, Function<Imagination, NDArray> part, long n, long h) {
        NDArray stacked = stack(each, part);
        NDArray mean = stacked.mean(new int[] {0});
        NDArray squared = stacked.sub(mean.expandDims(0)).square();
        // (K, N, H, F): DJL's PyTorch mean takes one axis at a time
        NDArray perStep = squared.reshape(each.size(), n, h, -1).mean(new int[] {3}).mean(new int[] {0});
        return new Spread(mean, perStep);
    }

    private static NDArray stack(List<Imagination> each, Function<Imagination, NDArray> part) {
        NDList list = new NDList(each.size());
        for (Imagination i : each) {
            list.add(part.apply(i));
        }
        return NDArrays.stack(list, 0);
    }

    private static boolean sameShapes(PredictorConfig a, PredictorConfig b) {
        return a.tokensPerFrame() == b.tokensPerFrame() && a.featureDim() == b.featureDim() && a.patchGrid() == b.patchGrid()
                && a.proprioDim() == b.proprioDim() && a.actionDim() == b.actionDim() && a.frameskip() == b.frameskip()
                && a.historyFrames() == b.historyFrames();
    }

    private static String describe(PredictorConfig c) {
        return c.tokensPerFrame() + " tokens of " + c.featureDim() + " (grid " + c.patchGrid() + "), proprio " + c.proprioDim()
                + ", actions " + c.actionDim() + " x " + c.frameskip() + ", history " + c.historyFrames();
    }

    /** True: every member's rollout is. */
    @Override
    public boolean isDifferentiable() {
        return true;
    }
}
