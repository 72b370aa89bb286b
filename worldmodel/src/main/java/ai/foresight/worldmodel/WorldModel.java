package ai.foresight.worldmodel;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import ai.foresight.worldmodel.nn.LatentPredictor;
import ai.foresight.worldmodel.nn.PatchPosterior;
import ai.foresight.worldmodel.nn.PixelDecoder;
import ai.foresight.worldmodel.nn.TaskHeads;
import ai.foresight.worldmodel.nn.TokenPooling;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A latent world model over frozen patch features: token pooling, the frame-causal {@link LatentPredictor},
 * optionally RePo's {@link PatchPosterior} (then the predictor is the Gaussian prior over the posterior's
 * latents), optional {@link TaskHeads} and an optional {@link PixelDecoder}.
 *
 * <p>Latent frames are (…, n, C): in feature mode the pooled features (C = D), in RePo mode the
 * posterior mean (C = d_z). {@link #encode} maps encoder features to latents for planning (observation
 * and goal); {@link #rollout} imagines N candidate action sequences in one batched call per step.
 * All parameters live in a sub-manager of the one given to {@link #create}; {@link #close} frees them.
 */
public final class WorldModel implements AutoCloseable {
    /** Name of the pixel decoder among the model's parts: its {@link #parameters()} keys start with {@code "decoder/"}. */
    public static final String DECODER = "decoder";

    private static final int FORMAT = 0x46574d32; // "FWM2"

    private final WorldModelConfig config;
    private final NDManager manager;
    private final TokenPooling pooling;
    private final LatentPredictor predictor;
    private final PatchPosterior posterior;
    private final TaskHeads heads;
    private final PixelDecoder decoder;
    private final Map<String, AbstractBlock> parts = new LinkedHashMap<>();

    private WorldModel(WorldModelConfig config, NDManager parent) {
        this.config = config;
        this.manager = parent.newSubManager();
        PredictorConfig p = config.predictor();
        this.pooling = new TokenPooling(manager, p.patchGrid(), p.tokenGrid());
        RepoConfig repo = config.repo();
        this.predictor = new LatentPredictor(p, config.latentDim(), repo == null ? 0 : repo.minStd());
        parts.put("predictor", predictor);
        this.posterior = repo == null ? null : newPosterior();
        if (posterior != null) {
            parts.put("posterior", posterior);
        }
        this.heads = config.rewardHead() || config.proprioHead()
                ? new TaskHeads(p.tokensPerFrame(), config.latentDim(), config.headHidden(), config.rewardHead(),
                        config.proprioHead() ? p.proprioDim() : 0)
                : null;
        if (heads != null) {
            parts.put("heads", heads);
        }
        this.decoder = config.decoder() == null ? null
                : new PixelDecoder(p.tokenGrid(), config.latentDim(), config.decoder().imageSize(), config.decoder().hidden());
        if (decoder != null) {
            parts.put(DECODER, decoder);
        }
    }

    /** A freshly initialised model; the same config and seed give the same weights. */
    public static WorldModel create(WorldModelConfig config, long seed, NDManager parent) {
        WorldModel model = new WorldModel(config, parent);
        Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
        PredictorConfig p = config.predictor();
        int h = p.historyFrames();
        int n = p.tokensPerFrame();
        int c = config.latentDim();
        Shape latents = new Shape(1, h, n, c);
        Shape actions = new Shape(1, h, p.frameActionDim());
        if (p.proprioDim() > 0) {
            model.predictor.initialize(model.manager, DataType.FLOAT32, latents, actions, new Shape(1, h, p.proprioDim()));
        } else {
            model.predictor.initialize(model.manager, DataType.FLOAT32, latents, actions);
        }
        if (model.posterior != null) {
            model.posterior.initialize(model.manager, DataType.FLOAT32, new Shape(1, 1, n, p.featureDim()));
        }
        if (model.heads != null) {
            model.heads.initialize(model.manager, DataType.FLOAT32, new Shape(1, 1, n, c));
        }
        if (model.decoder != null) {
            model.decoder.initialize(model.manager, DataType.FLOAT32, new Shape(1, n, c));
        }
        return model;
    }

    public WorldModelConfig config() {
        return config;
    }

    public LatentPredictor predictor() {
        return predictor;
    }

    /** The RePo posterior, or null in feature mode. */
    public PatchPosterior posterior() {
        return posterior;
    }

    /** The reward/proprio heads, or null when none are configured. */
    public TaskHeads heads() {
        return heads;
    }

    /** The pixel decoder, or null when none is configured. */
    public PixelDecoder decoder() {
        return decoder;
    }

    /** A parameter store for this model's arrays (no copies). */
    public ParameterStore parameterStore() {
        return new ParameterStore(manager, false);
    }

    /** Pools encoder patches (…, N, D) to tokens (…, n, D). */
    public NDArray pool(NDArray features) {
        return pooling.pool(features);
    }

    /**
     * What the RePo posterior reads from encoder patches: the patches themselves when it pools after its
     * hidden layer ({@link RepoConfig#posteriorReadsPatches}), the pooled tokens otherwise.
     *
     * @param features (…, N, D)
     * @return (…, N, D) or (…, n, D)
     */
    public NDArray posteriorInput(NDArray features) {
        if (posterior == null) {
            throw new IllegalStateException("posterior: this model is in feature mode (no RePo posterior)");
        }
        return posterior.readsPatches() ? features : pooling.pool(features);
    }

    /**
     * A frozen copy of the RePo posterior with the same input (patches or tokens) and the current values,
     * its parameters in {@code target}; a patch-reading copy shares this model's pooling matrix, so use it only while
     * the model is open.
     */
    public PatchPosterior frozenPosteriorCopy(NDManager target) {
        if (posterior == null) {
            throw new IllegalStateException("posterior: this model is in feature mode (no RePo posterior)");
        }
        PredictorConfig p = config.predictor();
        PatchPosterior copy = newPosterior();
        copy.initialize(target, DataType.FLOAT32, new Shape(1, 1, p.tokensPerFrame(), p.featureDim()));
        PairList<String, Parameter> from = posterior.getParameters();
        PairList<String, Parameter> to = copy.getParameters();
        for (int i = 0; i < from.size(); i++) {
            from.get(i).getValue().getArray().copyTo(to.get(i).getValue().getArray());
        }
        copy.freezeParameters(true);
        return copy;
    }

    /** An uninitialised posterior of this model's RePo config, reading patches through this model's pooling when so configured. */
    private PatchPosterior newPosterior() {
        RepoConfig repo = config.repo();
        return new PatchPosterior(config.predictor().featureDim(), repo.posteriorHidden(), repo.latentDim(), repo.minStd(),
                repo.posteriorReadsPatches() ? pooling : null);
    }

    /**
     * The deterministic latent of encoder features, for planning and evaluation: pooled features, or the
     * RePo posterior mean.
     *
     * @param features (B, T, N, D) or (B, N, D)
     * @return (B, T, n, C) or (B, n, C), in the manager of {@code features} (intermediates are closed)
     */
    public NDArray encode(NDArray features) {
        int rank = features.getShape().dimension();
        if (rank != 3 && rank != 4) {
            throw new IllegalArgumentException("features: expected (B, T, N, D) or (B, N, D), got " + features.getShape());
        }
        checkFeatureWidth(features);
        if (posterior == null) {
            return pooling.pool(features);
        }
        try (NDScope scope = new NDScope()) {
            NDArray input = posteriorInput(features);
            NDArray x = rank == 3 ? input.expandDims(1) : input;
            NDArray mean = posterior.forward(parameterStore(), new NDList(x), false).get(0);
            NDArray result = rank == 3 ? mean.squeeze(1) : mean;
            NDScope.unregister(result);
            result.attach(features.getManager());
            return result;
        }
    }

    private void checkFeatureWidth(NDArray features) {
        Shape s = features.getShape();
        int d = config.predictor().featureDim();
        if (s.get(s.dimension() - 1) != d) {
            throw new IllegalArgumentException("features: expected width D = " + d + " (the encoder this model was built for), got " + s);
        }
    }

    /**
     * Encodes a context window of encoder features for {@link #rollout}.
     *
     * @param features (B, h, N, D), 1 ≤ h
     * @param proprio (B, h, P) or null without proprio
     * @param pastActions (B, h − 1, k·A) between the context frames, or null when h = 1
     */
    public LatentContext context(NDArray features, NDArray proprio, NDArray pastActions) {
        return new LatentContext(encode(features), proprio, pastActions);
    }

    /**
     * Open-loop imagination of N candidate action sequences from one shared (or per-candidate) context,
     * feeding predictions back through a sliding window of the last H frames. One batched predictor
     * forward per step, none per candidate.
     *
     * @param context latents (1 or N, h, n, C), proprio and the h − 1 past actions
     * @param actions (N, S, k·A) the candidates' frame-step actions
     * @return predicted latents (N, S, n, C) and proprio (N, S, P), in the manager of {@code actions}
     */
    public Rollout rollout(LatentContext context, NDArray actions) {
        return new OpenLoopRollout(predictor, parameterStore()).run(context, actions);
    }

    /**
     * Renders latent frames with the decoder.
     *
     * @param latents (M, n, C)
     * @return (M, 3, S, S) in [0, 1]
     */
    public NDArray render(NDArray latents) {
        if (decoder == null) {
            throw new IllegalStateException("decoder: this model was configured without a pixel decoder");
        }
        return decoder.forward(parameterStore(), new NDList(latents), false).singletonOrThrow();
    }

    /** Every trainable parameter, named {@code part/blockPath} in a fixed order. */
    public PairList<String, Parameter> parameters() {
        PairList<String, Parameter> all = new PairList<>();
        for (Map.Entry<String, AbstractBlock> part : parts.entrySet()) {
            for (Pair<String, Parameter> p : part.getValue().getParameters()) {
                all.add(part.getKey() + "/" + p.getKey(), p.getValue());
            }
        }
        return all;
    }

    /** Number of scalar parameters. */
    public long parameterCount() {
        long count = 0;
        for (Pair<String, Parameter> p : parameters()) {
            count += p.getValue().getArray().size();
        }
        return count;
    }

    /** Writes every parameter by name (bit-exact fp32). */
    public void save(DataOutputStream out) throws IOException {
        PairList<String, Parameter> all = parameters();
        out.writeInt(FORMAT);
        out.writeInt(all.size());
        for (Pair<String, Parameter> p : all) {
            out.writeUTF(p.getKey());
            byte[] bytes = p.getValue().getArray().encode();
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    /**
     * Replaces the parameter values with ones written by {@link #save} for the same config. Values are copied
     * into the existing libtorch-allocated arrays, which keeps their autograd flag and alignment (an array
     * decoded from Java bytes is not aligned, and MKL may round by operand alignment).
     */
    public void load(DataInputStream in) throws IOException {
        if (in.readInt() != FORMAT) {
            throw new IOException("model parameters: expected a Foresight world-model block, found other bytes");
        }
        PairList<String, Parameter> all = parameters();
        int count = in.readInt();
        if (count != all.size()) {
            throw new IOException("model parameters: expected " + all.size() + " arrays for this config, found " + count);
        }
        for (Pair<String, Parameter> p : all) {
            String name = in.readUTF();
            if (!name.equals(p.getKey())) {
                throw new IOException("model parameters: expected '" + p.getKey() + "', found '" + name + "'");
            }
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            NDArray target = p.getValue().getArray();
            try (NDArray loaded = NDArray.decode(manager, bytes)) {
                if (!loaded.getShape().equals(target.getShape()) || loaded.getDataType() != target.getDataType()) {
                    throw new IOException("model parameters: '" + name + "' expected " + target.getShape() + " "
                            + target.getDataType() + ", found " + loaded.getShape() + " " + loaded.getDataType());
                }
                target.muli(0f).addi(loaded); // in place: keeps the array, its alignment and its autograd flag
            }
        }
    }

    @Override
    public void close() {
        pooling.close();
        manager.close();
    }
}
