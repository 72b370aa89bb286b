package ai.foresight.worldmodel;

/**
 * Shape and size of the latent predictor (a frame-causal ViT over pooled patch tokens, after DINO-WM).
 *
 * <p>The encoder gives {@code patchGrid x patchGrid} patch features of {@code featureDim} dims per frame;
 * the predictor average-pools them to a {@code tokenGrid x tokenGrid} grid (few tokens keep a 300-candidate
 * planning population fast on a CPU), sees {@code historyFrames} frames, and is conditioned on the
 * {@code frameskip} actions of each frame step concatenated ({@code frameskip * actionDim} numbers) and on
 * proprio. Action and proprio embeddings are either tiled onto every token (DINO-WM) or, with
 * {@code actionTokens}, carried by one extra token per frame.
 *
 * @param name preset id, stored in checkpoints (a checkpoint from another preset is refused)
 * @param featureDim encoder patch feature width D
 * @param patchGrid encoder patches per side (N = patchGrid²)
 * @param tokenGrid pooled tokens per side (n = tokenGrid², at most patchGrid)
 * @param historyFrames frames H the predictor sees
 * @param actionDim environment action dims A
 * @param frameskip actions per frame step k
 * @param proprioDim proprio dims P (0 for none)
 * @param actionEmbedDim width of the action embedding
 * @param proprioEmbedDim width of the proprio embedding (ignored when proprioDim is 0)
 * @param actionTokens carry actions and proprio in a separate token per frame instead of tiling them
 * @param width transformer width
 * @param depth transformer blocks
 * @param heads attention heads (divide width)
 * @param mlpDim hidden width of each block's MLP
 * @param dropout dropout rate in the blocks, in [0, 1)
 * @param proprioResidual predict the next proprio as the current one plus the head's output (a zero-initialised
 *     head: an untrained model copies the last proprio), as mbrl-lib's dynamics models predict state deltas; false
 *     reads the next proprio from the head alone (checkpoints written before the field existed load as false)
 */
public record PredictorConfig(
        String name,
        int featureDim,
        int patchGrid,
        int tokenGrid,
        int historyFrames,
        int actionDim,
        int frameskip,
        int proprioDim,
        int actionEmbedDim,
        int proprioEmbedDim,
        boolean actionTokens,
        int width,
        int depth,
        int heads,
        int mlpDim,
        float dropout,
        boolean proprioResidual) {

    public PredictorConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: expected a non-empty preset id");
        }
        positive("featureDim", featureDim);
        positive("patchGrid", patchGrid);
        positive("tokenGrid", tokenGrid);
        if (tokenGrid > patchGrid) {
            throw new IllegalArgumentException("tokenGrid: expected at most patchGrid (" + patchGrid + "), got " + tokenGrid);
        }
        positive("historyFrames", historyFrames);
        positive("actionDim", actionDim);
        positive("frameskip", frameskip);
        if (proprioDim < 0) {
            throw new IllegalArgumentException("proprioDim: expected >= 0, got " + proprioDim);
        }
        positive("actionEmbedDim", actionEmbedDim);
        positive("proprioEmbedDim", proprioEmbedDim);
        positive("width", width);
        positive("depth", depth);
        positive("heads", heads);
        if (width % heads != 0) {
            throw new IllegalArgumentException("heads: expected a divisor of width " + width + ", got " + heads);
        }
        positive("mlpDim", mlpDim);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout: expected [0, 1), got " + dropout);
        }
    }

    /** A predictor that reads the next proprio from its head alone (no residual). */
    public PredictorConfig(String name, int featureDim, int patchGrid, int tokenGrid, int historyFrames, int actionDim, int frameskip,
            int proprioDim, int actionEmbedDim, int proprioEmbedDim, boolean actionTokens, int width, int depth, int heads, int mlpDim,
            float dropout) {
        this(name, featureDim, patchGrid, tokenGrid, historyFrames, actionDim, frameskip, proprioDim, actionEmbedDim, proprioEmbedDim,
                actionTokens, width, depth, heads, mlpDim, dropout, false);
    }

    private static void positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + ": expected > 0, got " + value);
        }
    }

    /** Pooled tokens per frame n = tokenGrid². */
    public int tokensPerFrame() {
        return tokenGrid * tokenGrid;
    }

    /** Encoder patches per frame N = patchGrid². */
    public int patchesPerFrame() {
        return patchGrid * patchGrid;
    }

    /** Width of one frame step's concatenated actions, k·A. */
    public int frameActionDim() {
        return frameskip * actionDim;
    }

    /** Tokens per frame inside the transformer: n, plus one when actions have their own token. */
    public int sequenceTokensPerFrame() {
        return tokensPerFrame() + (actionTokens ? 1 : 0);
    }

    /** The same predictor for another encoder (feature width and patch grid). */
    public PredictorConfig withEncoder(int newFeatureDim, int newPatchGrid) {
        return new PredictorConfig(name, newFeatureDim, newPatchGrid, Math.min(tokenGrid, newPatchGrid), historyFrames,
                actionDim, frameskip, proprioDim, actionEmbedDim, proprioEmbedDim, actionTokens, width, depth, heads,
                mlpDim, dropout, proprioResidual);
    }

    /** The same predictor with actions and proprio in a separate token per frame (or tiled, when false). */
    public PredictorConfig withActionTokens(boolean separate) {
        return new PredictorConfig(name, featureDim, patchGrid, tokenGrid, historyFrames, actionDim, frameskip,
                proprioDim, actionEmbedDim, proprioEmbedDim, separate, width, depth, heads, mlpDim, dropout, proprioResidual);
    }

    /** The same predictor with the next proprio predicted as a residual on the current one (or from the head alone). */
    public PredictorConfig withProprioResidual(boolean residual) {
        return new PredictorConfig(name, featureDim, patchGrid, tokenGrid, historyFrames, actionDim, frameskip,
                proprioDim, actionEmbedDim, proprioEmbedDim, actionTokens, width, depth, heads, mlpDim, dropout, residual);
    }

    /** Tests: 2x2 tokens of 8 dims, history 2, width 16, depth 2. */
    public static PredictorConfig tiny() {
        return new PredictorConfig("tiny", 8, 4, 2, 2, 2, 2, 2, 4, 4, false, 16, 2, 2, 32, 0f);
    }

    /**
     * Wall (DINO-WM: history 1, frameskip 5, 2-d actions; proprio = agent position). 3x3 tokens, width 64,
     * depth 3: a CEM plan of 300 x 5 x 10 takes about a second on 2 cores, 0.63–0.68 of what 4x4 tokens took in the
     * same window (see the worldmodel README for both models' success). Proprio as a residual: 1-step feature MSE 0.50 of
     * copy-last against 0.61–0.63 with the absolute head, the same closed-loop success (worldmodel README). Defaults to a
     * 384-dim, 8x8-patch encoder: call {@link #withEncoder} with the real one.
     */
    public static PredictorConfig wall() {
        return new PredictorConfig("wall", 384, 8, 3, 1, 2, 5, 2, 10, 10, false, 64, 3, 4, 128, 0f, true);
    }

    /** PointMaze (history 3, frameskip 5; proprio = position and velocity); 3x3 tokens keep 3 frames cheap. */
    public static PredictorConfig pointmaze() {
        return new PredictorConfig("pointmaze", 384, 8, 3, 3, 2, 5, 4, 10, 10, false, 64, 3, 4, 128, 0f);
    }

    /** PushT (history 3, frameskip 5; proprio = agent position and velocity); one block deeper for contacts. */
    public static PredictorConfig pusht() {
        return new PredictorConfig("pusht", 384, 8, 3, 3, 2, 5, 4, 10, 10, false, 64, 4, 4, 128, 0f);
    }

    /** The preset named {@code id}: tiny, wall (also wall-random), pointmaze, pusht. */
    public static PredictorConfig preset(String id) {
        return switch (id) {
            case "tiny" -> tiny();
            case "wall", "wall-random" -> wall();
            case "pointmaze" -> pointmaze();
            case "pusht" -> pusht();
            default -> throw new IllegalArgumentException(
                    "preset: expected one of tiny, wall, wall-random, pointmaze, pusht, got '" + id + "'");
        };
    }
}
