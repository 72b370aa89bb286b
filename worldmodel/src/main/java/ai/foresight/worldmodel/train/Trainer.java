package ai.foresight.worldmodel.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import ai.foresight.encoders.optim.AdamW;
import ai.foresight.encoders.optim.AdamWConfig;
import ai.foresight.encoders.optim.GradientClipping;
import ai.foresight.encoders.optim.WarmupCosineSchedule;
import ai.foresight.worldmodel.WorldModel;
import ai.foresight.worldmodel.checkpoint.BuildInfo;
import ai.foresight.worldmodel.checkpoint.Checkpoints;
import ai.foresight.worldmodel.checkpoint.Provenance;
import ai.foresight.worldmodel.repo.DualKlConstraint;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Trains a {@link WorldModel} on {@link FeatureWindows}: AdamW (decoupled decay, none on norms and biases),
 * linear warm-up then cosine learning rate, global-norm clipping, the RePo dual step when the model has a
 * bottleneck, periodic validation against the copy-last baseline, JSONL metrics and atomic checkpoints.
 *
 * <p>A pixel decoder's gradients are clipped by their own norm, apart from the rest of the model's: the decoder
 * reads detached latents, and a shared global norm would still let its loss scale the predictor's update. So
 * adding a decoder leaves every other parameter's training exactly as it was; {@code grad_norm} is the rest's.
 *
 * <p>Reproducible and exactly resumable: step s seeds both the data sampler's {@link Random} and the
 * engine's generator (dropout, posterior noise) from (seed, s), so no RNG state needs saving; a checkpoint
 * holds the parameters, AdamW moments, dual state and step. {@link #fit} resumes from the newest
 * checkpoint in its run directory, after checking that encoder, model config and trainer settings match.
 * Each step's arrays live in a sub-manager closed at the end of the step.
 */
public final class Trainer {
    private final TrainerConfig config;
    private final Path runDirectory;
    private final String encoderId;

    /**
     * @param runDirectory where {@code checkpoints/} and {@code metrics.jsonl} go, or null to keep nothing
     * @param encoderId id of the encoder that produced the features (stored in checkpoints and checked)
     */
    public Trainer(TrainerConfig config, Path runDirectory, String encoderId) {
        if (encoderId == null || encoderId.isBlank()) {
            throw new IllegalArgumentException("encoderId: expected the id of the feature encoder, got '" + encoderId + "'");
        }
        this.config = config;
        this.runDirectory = runDirectory;
        this.encoderId = encoderId;
    }

    public Path checkpointDirectory() {
        return runDirectory == null ? null : runDirectory.resolve("checkpoints");
    }

    /**
     * Trains until {@code config.steps()} (or until the listener asks to stop), resuming from the newest
     * checkpoint of the run directory if there is one (its weights replace {@code model}'s).
     *
     * @param validation windows for evaluation, or null to skip it
     */
    public TrainingResult fit(WorldModel model, FeatureWindows train, FeatureWindows validation, TrainingListener listener)
            throws IOException {
        int h = model.config().predictor().historyFrames();
        if (train.windowFrames() < h + 1) {
            throw new IllegalArgumentException("train windows: expected at least history + 1 = " + (h + 1) + " frames, got " + train.windowFrames());
        }
        TrainingListener events = listener == null ? TrainingListener.NONE : listener;
        PairList<String, Parameter> parameters = model.parameters();
        PairList<String, Parameter> decoder = new PairList<>();
        PairList<String, Parameter> others = new PairList<>();
        for (Pair<String, Parameter> p : parameters) {
            (p.getKey().startsWith(WorldModel.DECODER + "/") ? decoder : others).add(p);
        }
        ParameterGroups groups = new ParameterGroups(parameters, others, decoder);
        WorldModelLoss loss = new WorldModelLoss(model, config);
        WarmupCosineSchedule schedule = new WarmupCosineSchedule(config.warmupSteps(), config.steps(),
                config.peakLearningRate(), config.finalLearningRate());
        DualKlConstraint dual = model.config().usesRepo() ? new DualKlConstraint(model.config().repo()) : null;
        try (NDManager root = NDManager.newBaseManager();
                AdamW optimizer = new AdamW(AdamWConfig.defaults().withWeightDecay(config.weightDecay()), root)) {
            long start = resume(model, optimizer, dual);
            Path lastCheckpoint = null;
            LossTerms last = null;
            Evaluation evaluation = null;
            long startNanos = System.nanoTime();
            try (MetricsLog metrics = runDirectory == null ? null : new MetricsLog(runDirectory.resolve("metrics.jsonl"), start)) {
                for (long step = start; step < config.steps(); step++) {
                    double lr = schedule.at(step);
                    double[] gradNorm = new double[1];
                    last = trainStep(model, train, loss, groups, optimizer, dual, step, lr, gradNorm, root);
                    long done = step + 1;
                    double elapsed = (System.nanoTime() - startNanos) / 1e9;
                    double eta = elapsed / (done - start) * (config.steps() - done);
                    if (metrics != null && (done % config.logEvery() == 0 || done == config.steps())) {
                        metrics.append(stepRecord(done, last, lr, gradNorm[0], elapsed));
                    }
                    events.onStep(new TrainingProgress(done, config.steps(), last, lr, gradNorm[0], elapsed, eta));
                    boolean end = done == config.steps();
                    if (validation != null && (end || config.evalEvery() > 0 && done % config.evalEvery() == 0)) {
                        evaluation = Evaluator.evaluate(model, validation, config.evalBatches(), config.batchSize(),
                                config.seed() ^ 0x5eedL, root);
                        if (metrics != null) {
                            Map<String, Object> record = new LinkedHashMap<>();
                            record.put("step", done);
                            record.put("eval", evaluation.asMap());
                            metrics.append(record);
                        }
                        events.onEvaluation(done, evaluation);
                    }
                    boolean stop = events.shouldStop();
                    if (runDirectory != null
                            && (end || stop || config.checkpointEvery() > 0 && done % config.checkpointEvery() == 0)) {
                        lastCheckpoint = checkpoint(model, optimizer, dual, done);
                    }
                    if (stop) {
                        return new TrainingResult(start, done, last, evaluation, lastCheckpoint);
                    }
                }
            }
            return new TrainingResult(start, Math.max(start, config.steps()), last, evaluation, lastCheckpoint);
        }
    }

    private LossTerms trainStep(WorldModel model, FeatureWindows train, WorldModelLoss loss,
            ParameterGroups parameters, AdamW optimizer, DualKlConstraint dual, long step, double lr,
            double[] gradNorm, NDManager root) {
        long stepSeed = stepSeed(config.seed(), step);
        try (NDManager m = root.newSubManager()) {
            Engine.getInstance().setRandomSeed((int) (stepSeed ^ (stepSeed >>> 32)));
            WindowBatch batch = train.sample(m, config.batchSize(), new Random(stepSeed)).ownedCopy();
            WorldModelLoss.Computed computed;
            double beta = dual == null ? 0 : dual.beta();
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                computed = loss.compute(batch, beta, true);
                collector.backward(computed.total());
            }
            LossTerms terms = computed.terms();
            if (!Double.isFinite(terms.total())) {
                throw new IllegalStateException("loss: expected a finite value at step " + (step + 1) + ", got " + terms);
            }
            gradNorm[0] = GradientClipping.clipGlobalNorm(parameters.model(), config.clipNorm());
            if (!parameters.decoder().isEmpty()) {
                GradientClipping.clipGlobalNorm(parameters.decoder(), config.clipNorm());
            }
            optimizer.step(parameters.all(), lr);
            if (dual != null) {
                dual.update(terms.kl());
            }
            return terms;
        }
    }

    /** Every parameter, and the same split into the decoder's and the rest (clipped apart). */
    private record ParameterGroups(PairList<String, Parameter> all, PairList<String, Parameter> model,
            PairList<String, Parameter> decoder) {}

    /** A well-mixed seed for step {@code step} (SplitMix64 finaliser). */
    static long stepSeed(long seed, long step) {
        long z = seed + 0x9E3779B97F4A7C15L * (step + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private long resume(WorldModel model, AdamW optimizer, DualKlConstraint dual) throws IOException {
        if (runDirectory == null) {
            return 0;
        }
        Optional<Path> latest = Checkpoints.latest(checkpointDirectory());
        if (latest.isEmpty()) {
            return 0;
        }
        Path checkpoint = latest.get();
        Provenance provenance = Checkpoints.readProvenance(checkpoint);
        Checkpoints.checkCompatible(checkpoint, provenance, model.config(), encoderId, config);
        Checkpoints.readModel(checkpoint, model);
        long[] step = new long[1];
        Checkpoints.readTrainerState(checkpoint, in -> step[0] = readState(in, optimizer, dual));
        if (step[0] != provenance.step()) {
            throw new IOException("checkpoint " + checkpoint + ": trainer state is at step " + step[0]
                    + " but provenance says " + provenance.step());
        }
        return step[0];
    }

    private static long readState(DataInputStream in, AdamW optimizer, DualKlConstraint dual) throws IOException {
        long step = in.readLong();
        optimizer.load(in);
        boolean hasDual = in.readBoolean();
        if (hasDual != (dual != null)) {
            throw new IOException("trainer state: expected " + (dual != null ? "a" : "no") + " RePo dual state");
        }
        if (dual != null) {
            dual.load(in);
        }
        return step;
    }

    private Path checkpoint(WorldModel model, AdamW optimizer, DualKlConstraint dual, long step) {
        Provenance provenance = new Provenance(Provenance.FORMAT, encoderId, model.config(), config, step,
                BuildInfo.gitCommit(), BuildInfo.versions(), Instant.now().toString());
        try {
            Path saved = Checkpoints.save(checkpointDirectory(), provenance, model, out -> writeState(out, step, optimizer, dual));
            Checkpoints.prune(checkpointDirectory(), config.keepCheckpoints());
            return saved;
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint at step " + step + ": could not write " + checkpointDirectory(), e);
        }
    }

    private static void writeState(DataOutputStream out, long step, AdamW optimizer, DualKlConstraint dual) throws IOException {
        out.writeLong(step);
        optimizer.save(out);
        out.writeBoolean(dual != null);
        if (dual != null) {
            dual.save(out);
        }
    }

    private static Map<String, Object> stepRecord(long step, LossTerms terms, double lr, double gradNorm, double elapsed) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("step", step);
        record.put("lr", lr);
        record.put("grad_norm", gradNorm);
        record.put("seconds", elapsed);
        record.putAll(terms.asMap());
        return record;
    }
}
