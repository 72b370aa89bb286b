package ai.foresight.encoders.dino;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import ai.foresight.datasets.image.Frame;
import ai.foresight.datasets.store.AtomicFileWriter;
import ai.foresight.encoders.FrameSource;
import ai.foresight.encoders.Provenance;
import ai.foresight.encoders.optim.GradientClipping;
import ai.foresight.encoders.vit.VitPatchEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * DINO self-distillation pretraining of the ViT encoder (Caron et al., 2021, "Emerging Properties in
 * Self-Supervised Vision Transformers").
 *
 * <p>Each step samples a batch of frames, makes multi-crop views, passes the two global views through
 * the EMA teacher and all views through the student, and minimises the cross-entropy between the
 * teacher's centred, sharpened outputs and the student's ({@link DinoLoss}); the student is updated
 * with AdamW (warm-up + cosine learning rate, global-norm clipping), then the teacher follows it by
 * EMA (momentum cosine to 1) and the center by EMA. Each step's arrays live in a sub-manager closed
 * at the end of the step.
 *
 * <p>Output folder: {@code loss_history.jsonl} (one line per step), {@code checkpoints/} (atomic, with
 * provenance; a rerun into the same folder resumes from the newest one and reproduces the
 * uninterrupted run exactly, since each step's randomness is derived from the seed and the step
 * index) and, when the run completes, {@code encoder/}: the teacher backbone as a
 * {@link VitPatchEncoder} folder with its provenance.
 */
public final class DinoPretrainer {
    /** Sub-folder of the output folder holding the exported encoder. */
    public static final String ENCODER_DIR = "encoder";
    /** Updates skipped in a row for a non-finite gradient before the run is declared diverged. */
    static final int MAX_CONSECUTIVE_SKIPPED_STEPS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private DinoPretrainer() {}

    /**
     * Runs (or resumes) pretraining on {@code frames}, writing into {@code outDir}.
     *
     * @throws IllegalArgumentException if {@code outDir} holds checkpoints of a different config
     * @throws IllegalStateException if the loss becomes NaN or infinite
     */
    public static PretrainResult run(DinoConfig config, FrameSource frames, Path outDir, PretrainProgress progress)
            throws IOException {
        return run(config, frames, outDir, progress, Device.cpu());
    }

    /** As {@link #run(DinoConfig, FrameSource, Path, PretrainProgress)}, computing on {@code device}. */
    public static PretrainResult run(DinoConfig config, FrameSource frames, Path outDir, PretrainProgress progress, Device device)
            throws IOException {
        if (frames.totalFrames() == 0) {
            throw new IllegalArgumentException("frames: expected at least one frame, got an empty source");
        }
        Files.createDirectories(outDir);
        try (DinoTraining training = new DinoTraining(config, device)) {
            Optional<Path> checkpoint = DinoCheckpoints.latest(outDir);
            if (checkpoint.isPresent()) {
                DinoCheckpoints.load(checkpoint.get(), training);
            }
            long resumedFrom = training.stepsDone;
            FrameSampler sampler = new FrameSampler(frames);
            MultiCropAugmenter augmenter = new MultiCropAugmenter(config.crops());
            long started = System.nanoTime();
            List<DinoStepRecord> records;
            try (LossHistory history = LossHistory.open(outDir.resolve(LossHistory.FILE), resumedFrom)) {
                while (training.stepsDone < config.steps()) {
                    DinoStepRecord record = step(training, sampler, augmenter);
                    history.append(record);
                    progress.onStep(record, config.steps());
                    boolean stop = progress.stopRequested();
                    if (stop || training.stepsDone % config.checkpointEvery() == 0 || training.stepsDone == config.steps()) {
                        DinoCheckpoints.save(outDir, training);
                    }
                    if (stop && training.stepsDone < config.steps()) {
                        break;
                    }
                }
                records = history.records();
            }
            long ran = training.stepsDone - resumedFrom;
            double secondsPerStep = ran == 0 ? 0 : (System.nanoTime() - started) / 1e9 / ran;
            if (training.stepsDone < config.steps()) {
                return new PretrainResult(false, training.stepsDone, resumedFrom, null, null, records, secondsPerStep);
            }
            Path encoderDir = exportTeacher(training, outDir.resolve(ENCODER_DIR));
            String id;
            try (VitPatchEncoder encoder = VitPatchEncoder.load(encoderDir, Device.cpu())) {
                id = encoder.id();
            }
            return new PretrainResult(true, training.stepsDone, resumedFrom, encoderDir, id, records, secondsPerStep);
        }
    }

    /** One DINO step; advances {@code training.stepsDone}. */
    static DinoStepRecord step(DinoTraining training, FrameSampler sampler, MultiCropAugmenter augmenter) {
        DinoConfig config = training.config;
        long s = training.stepsDone;
        long t0 = System.nanoTime();
        SplittableRandom random = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + s * 0xBF58476D1CE4E5B9L + 1);
        int b = config.batchSize();
        CropBatch crops = augmenter.augment(sampler.sample(b, random), random);
        double lr = config.learningRateAt(s);
        double momentum = config.momentumAt(s);
        double teacherTemperature = config.teacherTemperatureAt(s);
        DinoLossTerms terms;
        double gradNorm;
        try (NDManager step = training.manager.newSubManager()) {
            ParameterStore ps = new ParameterStore(step, false);
            int g = crops.globalSize();
            NDArray globals = step.create(crops.globals(), new Shape(2L * b, 3, g, g));
            NDArray teacherLogits = training.teacher.forward(ps, new NDList(globals), false).singletonOrThrow();
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray student = training.student.forward(ps, new NDList(globals), true).singletonOrThrow();
                if (crops.localViews() > 0) {
                    int l = crops.localSize();
                    NDArray locals = step.create(crops.locals(), new Shape((long) crops.localViews() * b, 3, l, l));
                    NDArray studentLocal = training.student.forward(ps, new NDList(locals), true).singletonOrThrow();
                    student = NDArrays.concat(new NDList(student, studentLocal), 0);
                }
                terms = training.loss.compute(student, teacherLogits, b, 2, teacherTemperature);
                if (!Double.isFinite(terms.crossEntropy())) {
                    throw new IllegalStateException("step " + s + ": DINO loss is " + terms.crossEntropy()
                            + " (diverged; lower peakLr or clipNorm)");
                }
                collector.backward(terms.total());
            }
            PairList<String, Parameter> params = training.student.getParameters();
            gradNorm = GradientClipping.clipGlobalNorm(params, config.clipNorm());
            if (!Double.isFinite(gradNorm)) {
                // A finite loss with a non-finite gradient is a numerical singularity of the backward pass;
                // applied, it would poison every weight. Skip the update (as mixed-precision trainers skip
                // overflowing steps); the record keeps the NaN norm. A run that keeps doing it is diverging.
                if (++training.consecutiveSkippedSteps > MAX_CONSECUTIVE_SKIPPED_STEPS) {
                    throw new IllegalStateException("step " + s + ": gradient norm is " + gradNorm + " for "
                            + training.consecutiveSkippedSteps + " steps in a row (diverged; lower peakLr or clipNorm)");
                }
            } else {
                training.consecutiveSkippedSteps = 0;
                if (s < config.freezeLastLayerSteps()) {
                    params = holdLastLayer(params);
                }
                training.optimizer.step(params, lr);
                training.updateTeacher(momentum);
                training.loss.updateCenter(teacherLogits);
            }
        }
        training.stepsDone++;
        return new DinoStepRecord(s, terms.crossEntropy(), terms.teacherEntropy(), terms.kl(), terms.teacherBatchEntropy(), lr, momentum,
                teacherTemperature, gradNorm, (System.nanoTime() - t0) / 1e9);
    }

    /** Drops the head's last layer from the update and clears its gradient (DINO's freeze_last_layer). */
    private static PairList<String, Parameter> holdLastLayer(PairList<String, Parameter> params) {
        PairList<String, Parameter> kept = new PairList<>();
        for (Pair<String, Parameter> p : params) {
            NDArray w = p.getValue().getArray();
            if (p.getKey().contains(DinoHead.LAST_LAYER)) {
                if (w.hasGradient()) {
                    try (NDArray grad = w.getGradient()) {
                        grad.subi(grad);
                    }
                }
            } else {
                kept.add(p);
            }
        }
        return kept;
    }

    /** Writes the teacher backbone (DINO evaluates the teacher) as an encoder folder, replacing any old one. */
    private static Path exportTeacher(DinoTraining training, Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempDirectory(parent, ".encoder-");
        VitPatchEncoder.save(training.teacher.backbone(), tmp);
        AtomicFileWriter.writeString(tmp.resolve("provenance.json"), JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(Provenance.capture("dino-pretrainer", training.config, training.config.seed())));
        if (Files.exists(target)) {
            Path old = Files.createTempDirectory(parent, ".encoder-old-");
            Files.delete(old);
            AtomicFileWriter.move(target, old);
            AtomicFileWriter.move(tmp, target);
            try (Stream<Path> s = Files.walk(old)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } else {
            AtomicFileWriter.move(tmp, target);
        }
        return target;
    }

    /** Draws frames uniformly over every frame of every episode. */
    static final class FrameSampler {
        private final FrameSource source;
        private final long[] ends;

        FrameSampler(FrameSource source) {
            this.source = source;
            this.ends = new long[source.episodes()];
            long n = 0;
            for (int e = 0; e < ends.length; e++) {
                n += source.length(e);
                ends[e] = n;
            }
        }

        List<Frame> sample(int count, SplittableRandom random) {
            List<Frame> out = new ArrayList<>(count);
            long total = ends[ends.length - 1];
            for (int i = 0; i < count; i++) {
                long k = random.nextLong(total);
                int e = Arrays.binarySearch(ends, k + 1);
                e = e >= 0 ? e : -e - 1;
                while (e > 0 && ends[e - 1] == ends[e]) { // skip empty episodes sharing the same end
                    e--;
                }
                long start = e == 0 ? 0 : ends[e - 1];
                out.add(source.frame(e, (int) (k - start)));
            }
            return out;
        }
    }
}
