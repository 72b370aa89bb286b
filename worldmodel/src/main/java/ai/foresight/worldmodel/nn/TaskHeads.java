package ai.foresight.worldmodel.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Reward and proprio read from one latent frame: each an MLP (Linear, GELU, Linear) over the frame's
 * flattened tokens (n·C inputs, so token positions matter). With RePo these heads supply the task terms
 * that shape the posterior; a planner can apply them to imagined frames.
 *
 * <p>Input (B, T, n, C); output reward (B, T) and/or proprio (B, T, P), in that order, as configured.
 */
public final class TaskHeads extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int tokens;
    private final int latentDim;
    private final int proprioDim;
    private final int hiddenDim;
    private final Linear rewardHidden;
    private final Linear rewardOut;
    private final Linear proprioHidden;
    private final Linear proprioOut;

    /**
     * @param reward whether to predict reward
     * @param proprioDim proprio dims to predict, 0 for none
     */
    public TaskHeads(int tokens, int latentDim, int hiddenDim, boolean reward, int proprioDim) {
        super(VERSION);
        if (tokens <= 0 || latentDim <= 0 || hiddenDim <= 0 || proprioDim < 0) {
            throw new IllegalArgumentException("head sizes: expected positive tokens, latentDim, hidden and proprioDim >= 0, got "
                    + tokens + ", " + latentDim + ", " + hiddenDim + ", " + proprioDim);
        }
        if (!reward && proprioDim == 0) {
            throw new IllegalArgumentException("heads: expected a reward head, a proprio head or both, got neither");
        }
        this.tokens = tokens;
        this.latentDim = latentDim;
        this.proprioDim = proprioDim;
        this.hiddenDim = hiddenDim;
        this.rewardHidden = reward ? addChildBlock("reward_hidden", Linear.builder().setUnits(hiddenDim).build()) : null;
        this.rewardOut = reward ? addChildBlock("reward_out", Linear.builder().setUnits(1).build()) : null;
        this.proprioHidden = proprioDim > 0 ? addChildBlock("proprio_hidden", Linear.builder().setUnits(hiddenDim).build()) : null;
        this.proprioOut = proprioDim > 0 ? addChildBlock("proprio_out", Linear.builder().setUnits(proprioDim).build()) : null;
    }

    public boolean hasReward() {
        return rewardOut != null;
    }

    public boolean hasProprio() {
        return proprioOut != null;
    }

    /** Reads reward (B, T) and proprio (B, T, P) (each null when not configured) from latents (B, T, n, C). */
    public Readout read(ParameterStore ps, NDArray latents, boolean training) {
        NDList out = forward(ps, new NDList(latents), training);
        int i = 0;
        NDArray reward = hasReward() ? out.get(i++) : null;
        NDArray proprio = hasProprio() ? out.get(i) : null;
        return new Readout(reward, proprio);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape s = x.getShape();
        if (s.dimension() != 4 || s.get(2) != tokens || s.get(3) != latentDim) {
            throw new IllegalArgumentException("latents: expected (B, T, " + tokens + ", " + latentDim + "), got " + s);
        }
        NDArray flat = x.reshape(s.get(0), s.get(1), (long) tokens * latentDim);
        NDList out = new NDList();
        if (rewardOut != null) {
            out.add(mlp(ps, rewardHidden, rewardOut, flat, training).squeeze(-1));
        }
        if (proprioOut != null) {
            out.add(mlp(ps, proprioHidden, proprioOut, flat, training));
        }
        return out;
    }

    private static NDArray mlp(ParameterStore ps, Linear first, Linear second, NDArray x, boolean training) {
        NDArray h = Activation.gelu(first.forward(ps, new NDList(x), training).singletonOrThrow());
        return second.forward(ps, new NDList(h), training).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        if (rewardOut != null && proprioOut != null) {
            return new Shape[] {new Shape(s.get(0), s.get(1)), new Shape(s.get(0), s.get(1), proprioDim)};
        }
        return new Shape[] {rewardOut != null ? new Shape(s.get(0), s.get(1)) : new Shape(s.get(0), s.get(1), proprioDim)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = inputShapes[0];
        Shape flat = new Shape(s.get(0), s.get(1), (long) tokens * latentDim);
        Shape mid = new Shape(s.get(0), s.get(1), hiddenDim);
        if (rewardOut != null) {
            rewardHidden.initialize(manager, dataType, flat);
            rewardOut.initialize(manager, dataType, mid);
        }
        if (proprioOut != null) {
            proprioHidden.initialize(manager, dataType, flat);
            proprioOut.initialize(manager, dataType, mid);
        }
    }

    /**
     * @param reward (B, T) or null
     * @param proprio (B, T, P) or null
     */
    public record Readout(NDArray reward, NDArray proprio) {}
}
