package ai.foresight.experiments.planbench;

import ai.foresight.worldmodel.PredictorConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts the matrix-multiply work of the world model's latent predictor analytically from its config,
 * product by product, exactly as {@code LatentPredictor} computes it: action and proprio embeddings and
 * the condition projection once per frame, the input projection per token, per block the packed QKV
 * projection, scores and mixing over the whole (frame-causal, but dense) sequence, the output projection
 * and the two MLP layers, then the latent head (and proprio head) on the frames whose outputs are kept.
 *
 * <p>Element-wise work (layer norms, GELU, softmax, residual adds, the planning objective's MSE) is not
 * counted: it is a few percent of the arithmetic and runs far below matmul speed, so GFLOP/s over
 * matmul FLOPs is the honest efficiency figure against a matmul peak.
 */
public final class PredictorFlops {
    private final PredictorConfig config;
    private final int latentDim;
    private final boolean gaussian;

    /**
     * @param config the predictor's shape
     * @param latentDim channels C of a latent token (feature width, or d_z with RePo)
     * @param gaussian whether the latent head also predicts a standard deviation (doubles its outputs)
     */
    public PredictorFlops(PredictorConfig config, int latentDim, boolean gaussian) {
        if (config == null) {
            throw new IllegalArgumentException("config: expected a PredictorConfig, got null");
        }
        if (latentDim < 1) {
            throw new IllegalArgumentException("latentDim: expected at least 1, got " + latentDim);
        }
        this.config = config;
        this.latentDim = latentDim;
        this.gaussian = gaussian;
    }

    /**
     * The products of one predictor forward.
     *
     * @param batch sequences B in the batch (candidates)
     * @param frames frames T in the window, 1..H
     * @param lastFrameOnly whether heads run on the last frame only (a rollout step) or on all T
     */
    public List<MatmulShape> forward(long batch, int frames, boolean lastFrameOnly) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch: expected at least 1, got " + batch);
        }
        if (frames < 1 || frames > config.historyFrames()) {
            throw new IllegalArgumentException("frames: expected 1.." + config.historyFrames() + ", got " + frames);
        }
        int n = config.tokensPerFrame();
        int w = config.width();
        long bt = batch * frames;
        List<MatmulShape> out = new ArrayList<>();
        out.add(new MatmulShape("action_embed", 1, bt, config.frameActionDim(), config.actionEmbedDim()));
        long condition = config.actionEmbedDim();
        if (config.proprioDim() > 0) {
            out.add(new MatmulShape("proprio_embed", 1, bt, config.proprioDim(), config.proprioEmbedDim()));
            condition += config.proprioEmbedDim();
        }
        out.add(new MatmulShape("input_projection", 1, bt * n, latentDim, w));
        out.add(new MatmulShape("condition_projection", 1, bt, condition, w));
        long sequence = (long) frames * config.sequenceTokensPerFrame();
        long headDim = w / config.heads();
        for (int i = 0; i < config.depth(); i++) {
            String block = "block" + i + ".";
            out.add(new MatmulShape(block + "qkv", 1, batch * sequence, w, 3L * w));
            out.add(new MatmulShape(block + "scores", batch * config.heads(), sequence, headDim, sequence));
            out.add(new MatmulShape(block + "mix", batch * config.heads(), sequence, sequence, headDim));
            out.add(new MatmulShape(block + "proj", 1, batch * sequence, w, w));
            out.add(new MatmulShape(block + "mlp_up", 1, batch * sequence, w, config.mlpDim()));
            out.add(new MatmulShape(block + "mlp_down", 1, batch * sequence, config.mlpDim(), w));
        }
        long kept = lastFrameOnly ? batch : bt;
        out.add(new MatmulShape("latent_head", 1, kept * n, w, (gaussian ? 2L : 1L) * latentDim));
        if (config.proprioDim() > 0) {
            out.add(new MatmulShape("proprio_head", 1, kept, w, config.proprioDim()));
        }
        return out;
    }

    /** FLOPs of one predictor forward. */
    public long forwardFlops(long batch, int frames, boolean lastFrameOnly) {
        return total(forward(batch, frames, lastFrameOnly));
    }

    /**
     * Frames in the predictor's window at rollout step {@code step} (0-based) from {@code contextFrames}
     * observed frames: the rollout feeds predictions back through a window of at most H frames.
     */
    public int windowAt(int contextFrames, int step) {
        int keep = Math.min(contextFrames, config.historyFrames());
        return Math.min(config.historyFrames(), keep + step);
    }

    /** FLOPs of imagining one candidate {@code horizon} frame steps ahead from {@code contextFrames} frames. */
    public long rolloutFlopsPerCandidate(int horizon, int contextFrames) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon: expected at least 1, got " + horizon);
        }
        if (contextFrames < 1) {
            throw new IllegalArgumentException("contextFrames: expected at least 1, got " + contextFrames);
        }
        long flops = 0;
        for (int s = 0; s < horizon; s++) {
            flops += forwardFlops(1, windowAt(contextFrames, s), true);
        }
        return flops;
    }

    /**
     * FLOPs of one sampling plan: every evaluated candidate is one rollout (all terms are linear in the
     * batch, so this is exact for any population schedule).
     */
    public long planFlops(long evaluations, int horizon, int contextFrames) {
        return evaluations * rolloutFlopsPerCandidate(horizon, contextFrames);
    }

    /** Sum of {@link MatmulShape#flops()}. */
    public static long total(List<MatmulShape> shapes) {
        long sum = 0;
        for (MatmulShape s : shapes) {
            sum += s.flops();
        }
        return sum;
    }
}
