package ai.foresight.experiments.adapt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.foresight.adaptation.Aligner;
import ai.foresight.adaptation.AlignmentProbe;
import ai.foresight.adaptation.AlignmentTerms;
import ai.foresight.adaptation.SourceFrames;
import ai.foresight.adaptation.TargetBatch;
import ai.foresight.adaptation.data.WindowFrames;
import ai.foresight.adaptation.encoder.AdaptedPatchEncoder;
import ai.foresight.datasets.store.Dataset;
import ai.foresight.datasets.window.EpisodeSplit;
import ai.foresight.datasets.window.Normalizer;
import ai.foresight.datasets.window.WindowBatch;
import ai.foresight.datasets.window.WindowConfig;
import ai.foresight.datasets.window.WindowSampler;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.WorldModel;
import java.io.IOException;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The alignment loop of {@code foresight adapt} over two datasets: each update takes a batch of target
 * windows (history + 1 frames at the model's frameskip, with their actions, proprio and clean frames) and a
 * batch of single source frames, and hands them to the {@link Aligner}. A tenth of each dataset's episodes
 * (seeded split) is held out for the {@link AlignmentProbe}; the target's rewards and states are never read
 * ({@link WindowFrames} copies frames, actions and proprio only).
 */
public final class AdaptationRun {
    private static final int CACHED_EPISODES = 64;
    private static final double HELD_OUT = 0.1;

    /**
     * @param curves every update's terms and the held-out distances
     * @param before held-out distances before the first update
     * @param after held-out distances after the last update
     * @param seconds wall time of the loop
     * @param pairedFrames whether the target data carried clean frames (the paired term was available)
     */
    public record Outcome(AlignmentCurves curves, AlignmentProbe.Measurement before, AlignmentProbe.Measurement after,
            double seconds, boolean pairedFrames) {}

    private AdaptationRun() {}

    /**
     * Adapts {@code encoder} (and the model's RePo posterior, when configured) in place.
     *
     * @param normalizer the action/proprio standardisation the model was trained with
     * @param progress told the number of finished updates
     */
    public static Outcome run(WorldModel model, AdaptedPatchEncoder encoder, Normalizer normalizer, Dataset source,
            Dataset target, AdaptSpec spec, NDManager manager, IntConsumer progress) throws IOException {
        PredictorConfig p = model.config().predictor();
        int size = encoder.inputHeight();
        EpisodeSplit targetSplit = split(target, spec.seed());
        EpisodeSplit sourceSplit = split(source, spec.seed() + 1);
        WindowSampler windows = new WindowSampler(target, trainOrAll(targetSplit),
                config(p.historyFrames(), p.frameskip(), 1, spec.targetBatch(), spec.seed()), normalizer);
        WindowSampler sourceFrames = new WindowSampler(source, trainOrAll(sourceSplit), config(1, 1, 0, spec.sourceBatch(), spec.seed()),
                normalizer);
        boolean pairs = target.layout().withClean();
        boolean proprio = p.proprioDim() > 0;
        boolean usePairs = pairs && spec.aligner().pairedWeight() > 0;
        AlignmentCurves curves = new AlignmentCurves();
        long start = System.nanoTime();
        try (NDManager m = manager.newSubManager();
                Aligner aligner = new Aligner(model, encoder, spec.aligner(), spec.seed(), m);
                AlignmentProbe probe = probe(aligner, source, sourceSplit, target, targetSplit, normalizer, spec, size, m)) {
            AlignmentProbe.Measurement before = probe.measure();
            curves.probe(0, before);
            for (int s = 0; s < spec.steps(); s++) {
                try (NDManager step = m.newSubManager()) {
                    TargetBatch batch = WindowFrames.target(step, next(windows, s), size, proprio, usePairs);
                    SourceFrames frames = WindowFrames.source(step, next(sourceFrames, s), size);
                    AlignmentTerms terms = aligner.step(frames, batch);
                    curves.add(s + 1, terms);
                }
                if ((s + 1) % spec.probeEvery() == 0 || s + 1 == spec.steps()) {
                    curves.probe(s + 1, probe.measure());
                }
                progress.accept(s + 1);
            }
            List<AlignmentProbe.Measurement> all = curves.probes();
            return new Outcome(curves, before, all.get(all.size() - 1), (System.nanoTime() - start) / 1e9, pairs);
        }
    }

    /** Batch {@code step} of an endless sequence of seeded epochs. */
    private static WindowBatch next(WindowSampler sampler, int step) throws IOException {
        int perEpoch = sampler.batchesPerEpoch();
        return sampler.batch(step / perEpoch, step % perEpoch);
    }

    private static EpisodeSplit split(Dataset data, long seed) {
        return EpisodeSplit.of(data.size(), HELD_OUT, seed);
    }

    private static List<Integer> trainOrAll(EpisodeSplit split) {
        return split.train().isEmpty() ? split.validation() : split.train();
    }

    private static List<Integer> heldOutOrAll(EpisodeSplit split) {
        return split.validation().isEmpty() ? split.train() : split.validation();
    }

    private static WindowConfig config(int history, int frameskip, int predict, int batch, long seed) {
        return new WindowConfig(history, frameskip, predict, batch, 0, seed, true, false, CACHED_EPISODES);
    }

    /** Held-out single frames of each domain (and the target's clean frames): one fixed, seeded draw. */
    private static AlignmentProbe probe(Aligner aligner, Dataset source, EpisodeSplit sourceSplit, Dataset target,
            EpisodeSplit targetSplit, Normalizer normalizer, AdaptSpec spec, int size, NDManager m) throws IOException {
        WindowConfig single = config(1, 1, 0, spec.probeFrames(), spec.seed() + 7);
        WindowBatch s = new WindowSampler(source, heldOutOrAll(sourceSplit), single, normalizer).batch(0, 0);
        WindowBatch t = new WindowSampler(target, heldOutOrAll(targetSplit), single, normalizer).batch(0, 0);
        try (NDManager scratch = m.newSubManager()) {
            NDArray sourcePixels = flat(WindowFrames.source(scratch, s, size).frames());
            TargetBatch tb = WindowFrames.target(scratch, t, size, false, true);
            return new AlignmentProbe(aligner, sourcePixels, flat(tb.frames()),
                    tb.pairedFrames() == null ? null : flat(tb.pairedFrames()), m);
        }
    }

    /** (B, F, 3, S, S) or (M, 3, S, S) → (M, 3, S, S). */
    private static NDArray flat(NDArray pixels) {
        Shape sh = pixels.getShape();
        if (sh.dimension() == 4) {
            return pixels;
        }
        return pixels.reshape(sh.get(0) * sh.get(1), sh.get(2), sh.get(3), sh.get(4));
    }
}
