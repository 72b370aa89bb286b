package ai.foresight.adaptation;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import ai.foresight.adaptation.encoder.AdaptedPatchEncoder;
import ai.foresight.encoders.optim.AdamW;
import ai.foresight.encoders.optim.AdamWConfig;
import ai.foresight.encoders.optim.GradientClipping;
import ai.foresight.worldmodel.WorldModel;
import ai.foresight.worldmodel.nn.LiveScalar;
import java.util.ArrayList;
import java.util.List;

/**
 * Reward-free test-time adaptation of the encoder side of a trained world model, after RePo (Zhu et al.,
 * NeurIPS 2023, "Resilient Model-Based RL by Regularizing Posterior Predictability", Sec. 4.3): the
 * predictor, the task heads and the decoder stay frozen (bit-identical, see {@link ParameterHash}), and
 * only the adapters of an {@link AdaptedPatchEncoder} and, in RePo mode, the posterior head learn, from
 * unlabelled target frames. The frozen base encoder's weights are never touched.
 *
 * <p>Each {@link #step} takes source frames and a {@link TargetBatch} (frames, actions, optional proprio
 * and paired frames; the types carry no reward and no state) and makes one Adam update of the encoder side
 * on the weighted sum of named terms — adversarial alignment of the frame-embedding marginals
 * ({@link AlignmentMode}), dynamics consistency under the frozen predictor, and paired calibration (L2
 * to the source embedding of the same state) — then one update of the critic and, in support mode, of the
 * density ratio.
 *
 * <p>The model's posterior is adapted in place, so after adaptation {@code model.encode(adapted.encode(x))}
 * is the adapted latent; planning code needs no change. {@link #close} restores the frozen parts'
 * gradient flags and frees the critic, the ratio network and the optimiser state.
 */
public final class Aligner implements AutoCloseable {
    private final WorldModel model;
    private final AdaptedPatchEncoder encoder;
    private final AlignerConfig config;
    private final NDManager manager;
    private final EmbeddingPaths paths;
    private final AdversarialAlignment adversary;
    private final DynamicsConsistency dynamics;
    private final AdamW optimizer;
    private final PairList<String, Parameter> trainable;
    private final List<Parameter> frozen = new ArrayList<>();
    private final List<Boolean> frozenFlags = new ArrayList<>();
    private long steps;

    /**
     * @param model a trained world model; its posterior (when adapted) changes in place, nothing else does
     * @param encoder the model's encoder wrapped with adapters ({@link AdaptedPatchEncoder#wrap})
     * @param seed fixes the critic's and ratio network's initialisation
     * @param parent the manager the aligner's own arrays live under
     */
    public Aligner(WorldModel model, AdaptedPatchEncoder encoder, AlignerConfig config, long seed, NDManager parent) {
        if (model == null || encoder == null || config == null || parent == null) {
            throw new IllegalArgumentException("model, encoder, config, parent: expected values, got null");
        }
        this.model = model;
        this.encoder = encoder;
        this.config = config;
        this.manager = parent.newSubManager();
        this.paths = new EmbeddingPaths(model, encoder, config.adaptPosterior(), manager);
        this.trainable = paths.trainable();
        if (trainable.isEmpty()) {
            throw new IllegalArgumentException("adapters: nothing to adapt (no adapter configured and "
                    + (model.posterior() == null ? "the model has no RePo posterior" : "adaptPosterior is false") + ")");
        }
        freezeAllBut(trainable);
        this.adversary = new AdversarialAlignment(config, paths.flatWidth(), seed, manager);
        this.dynamics = new DynamicsConsistency(model);
        this.optimizer = new AdamW(AdamWConfig.defaults().withWeightDecay(0), manager);
    }

    private void freezeAllBut(PairList<String, Parameter> keep) {
        List<Parameter> kept = keep.values();
        for (Pair<String, Parameter> p : model.parameters()) {
            Parameter parameter = p.getValue();
            if (kept.stream().noneMatch(k -> k == parameter)) {
                frozen.add(parameter);
                frozenFlags.add(parameter.requiresGradient());
                parameter.freeze(true);
            }
        }
    }

    public AlignerConfig config() {
        return config;
    }

    /** The adapted encoder (the same object passed in). */
    public AdaptedPatchEncoder encoder() {
        return encoder;
    }

    /** Updates made so far. */
    public long steps() {
        return steps;
    }

    /** Names of the parameters this aligner trains: adapters ({@code color/…}, {@code features/…}) and {@code posterior/…}. */
    public List<String> trainableNames() {
        return trainable.keys();
    }

    /**
     * One alignment update.
     *
     * @param source unlabelled source-domain frames (their embedding marginal is the reference)
     * @param target target-domain frames, actions, optional proprio and paired frames
     * @return the step's named terms
     */
    public AlignmentTerms step(SourceFrames source, TargetBatch target) {
        checkPixels("source.frames", source.frames().getShape(), 1);
        checkPixels("target.frames", target.frames().getShape(), 2);
        boolean useDynamics = config.dynamicsWeight() > 0;
        if (useDynamics) {
            dynamics.check(target);
        }
        boolean usePairs = config.pairedWeight() > 0 && target.hasPairs();
        if (!useDynamics && !usePairs && config.alignmentWeight() == 0) {
            throw new IllegalArgumentException("target: this batch feeds no term (alignmentWeight is 0, dynamicsWeight is 0 and "
                    + (config.pairedWeight() > 0 ? "the batch has no paired frames)" : "pairedWeight is 0)"));
        }
        try (NDManager m = manager.newSubManager()) {
            attachAll(m, source, target);
            Shape f = target.frames().getShape();
            long b = f.get(0);
            long t = f.get(1);
            NDArray sourceLatents = flat(paths.source(source.frames()));
            NDArray pairedLatents = usePairs ? flat(paths.source(pixels(target.pairedFrames()))) : null;
            double alignment = Double.NaN;
            double dynamicsLoss = Double.NaN;
            double paired = Double.NaN;
            double total;
            NDArray targetLatents;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray latents = paths.target(pixels(target.frames())); // (B·T, n, C)
                targetLatents = flat(latents);
                NDArray loss = null;
                if (config.alignmentWeight() > 0) {
                    NDArray term = adversary.encoderLoss(targetLatents);
                    alignment = term.getFloat();
                    loss = LiveScalar.times(term, config.alignmentWeight());
                }
                if (useDynamics) {
                    NDArray term = dynamics.loss(latents.reshape(b, t, paths.tokens(), paths.latentDim()), target);
                    dynamicsLoss = term.getFloat();
                    loss = add(loss, LiveScalar.times(term, config.dynamicsWeight()));
                }
                if (usePairs) {
                    NDArray term = targetLatents.sub(pairedLatents).square().mean();
                    paired = term.getFloat();
                    loss = add(loss, LiveScalar.times(term, config.pairedWeight()));
                }
                total = loss.getFloat();
                if (!Double.isFinite(total)) {
                    throw new IllegalStateException("encoder loss: expected a finite value at step " + (steps + 1) + ", got " + total);
                }
                collector.backward(loss);
            }
            double gradNorm = GradientClipping.clipGlobalNorm(trainable, config.clipNorm());
            optimizer.step(trainable, config.encoderLearningRate());
            adversary.discardCriticGradients();
            double critic = Double.NaN;
            double penalty = Double.NaN;
            double ratio = 1;
            if (config.alignmentWeight() > 0) {
                double[] c = adversary.updateCritic(sourceLatents, targetLatents.stopGradient());
                critic = c[0];
                penalty = c[1];
                ratio = adversary.updateRatio(sourceLatents);
            }
            steps++;
            return new AlignmentTerms(critic, penalty, alignment, dynamicsLoss, paired, total, gradNorm, ratio);
        }
    }

    /**
     * Latents of {@code pixels} under the original (source) encoder side.
     *
     * @param pixels (M, 3, H, W) in 0..1
     * @return (M, n, C), detached, in the manager of {@code pixels}
     */
    public NDArray sourceEmbedding(NDArray pixels) {
        return embed(pixels, true);
    }

    /** Latents of {@code pixels} under the adapted encoder side: (M, n, C), detached, in the manager of {@code pixels}. */
    public NDArray targetEmbedding(NDArray pixels) {
        return embed(pixels, false);
    }

    private NDArray embed(NDArray pixels, boolean source) {
        checkPixels("pixels", pixels.getShape(), 1);
        NDManager caller = pixels.getManager();
        try (NDManager m = caller.newSubManager()) {
            pixels.tempAttach(m);
            NDArray z = (source ? paths.source(pixels) : paths.target(pixels)).stopGradient();
            z.attach(caller);
            return z;
        }
    }

    /** (…, 3, H, W) with the encoder's H and W; {@code channelAxis} is where the 3 sits. */
    private void checkPixels(String field, Shape s, int channelAxis) {
        if (s.dimension() != channelAxis + 3 || s.get(channelAxis) != 3 || s.get(channelAxis + 1) != encoder.inputHeight()
                || s.get(channelAxis + 2) != encoder.inputWidth()) {
            throw new IllegalArgumentException(field + ": expected " + (channelAxis == 2 ? "(B, T, " : "(B, ") + "3, "
                    + encoder.inputHeight() + ", " + encoder.inputWidth() + ") at the encoder's input size, got " + s);
        }
    }

    private static void attachAll(NDManager m, SourceFrames source, TargetBatch target) {
        source.frames().tempAttach(m);
        for (NDArray a : new NDArray[] {target.frames(), target.actions(), target.proprio(), target.pairedFrames()}) {
            if (a != null && a != source.frames()) {
                a.tempAttach(m);
            }
        }
    }

    /** (B, T, 3, H, W) → (B·T, 3, H, W). */
    private static NDArray pixels(NDArray frames) {
        Shape s = frames.getShape();
        return frames.reshape(s.get(0) * s.get(1), s.get(2), s.get(3), s.get(4));
    }

    /** (M, n, C) → (M, n·C). */
    private static NDArray flat(NDArray latents) {
        Shape s = latents.getShape();
        return latents.reshape(s.get(0), s.get(1) * s.get(2));
    }

    private static NDArray add(NDArray sum, NDArray term) {
        return sum == null ? term : sum.add(term);
    }

    @Override
    public void close() {
        for (int i = 0; i < frozen.size(); i++) {
            frozen.get(i).freeze(!frozenFlags.get(i));
        }
        optimizer.close();
        adversary.close();
        paths.close();
        manager.close();
    }
}
