package ai.foresight.experiments.encode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.foresight.datasets.image.Frame;
import ai.foresight.datasets.store.Dataset;
import ai.foresight.datasets.store.Episode;
import ai.foresight.datasets.window.EpisodeSplit;
import ai.foresight.encoders.FramePixels;
import ai.foresight.encoders.PatchEncoder;
import ai.foresight.encoders.probe.ProbeResult;
import ai.foresight.encoders.probe.RidgeProbe;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Does a frozen encoder's output linearly hold the world's state? A ridge probe (DINO-WM probes its
 * DINOv2 patch features the same way) from one frame's features to its ground-truth state, fitted on
 * some episodes and scored by R² per state dimension on held-out ones. Run on several encoders over
 * the same frames and splits, it compares e.g. a pretrained encoder with an untrained one of the same
 * size.
 */
public final class StateProbe {
    private StateProbe() {}

    /** An encoder and the name it is reported under. */
    public record Candidate(String name, PatchEncoder encoder) {}

    /**
     * One encoder's held-out scores.
     *
     * @param name the candidate's name
     * @param encoderId its id
     * @param r2 R² per target, in {@link Report#targets()} order
     * @param meanR2 mean of the finite entries
     * @param lambda the ridge strength chosen on the validation split
     */
    public record Score(String name, String encoderId, double[] r2, double meanR2, double lambda) {
        @Override
        public double[] r2() {
            return r2.clone();
        }
    }

    /**
     * Scores of every candidate on one dataset.
     *
     * @param world the dataset's world
     * @param targets target names ({@link ProbeTargets})
     * @param scores one per candidate, in the order given
     * @param trainEpisodes episodes fitted on
     * @param testEpisodes held-out episodes scored on
     * @param trainFrames frames fitted on
     * @param testFrames frames scored on
     */
    public record Report(String world, List<String> targets, List<Score> scores, int trainEpisodes, int testEpisodes,
            int trainFrames, int testFrames) {}

    /** Frames and target rows of a set of episodes. */
    private record Split(List<Frame> frames, double[][] targets) {}

    /**
     * Probes each candidate on {@code dataset}'s observed frames.
     *
     * @param progress told after each candidate with the number done
     */
    public static Report run(Dataset dataset, List<Candidate> candidates, ProbeConfig config, IntConsumer progress)
            throws IOException {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("candidates: expected at least one encoder, got none");
        }
        if (dataset.size() < 3) {
            throw new IllegalArgumentException("dataset " + dataset.directory() + ": expected at least 3 episodes for "
                    + "train, validation and test splits, got " + dataset.size());
        }
        ProbeTargets targets = ProbeTargets.forState(dataset.manifest().env().stateNames());
        EpisodeSplit outer = EpisodeSplit.of(dataset.size(), config.testFraction(), config.seed());
        EpisodeSplit inner = EpisodeSplit.of(outer.train().size(), 0.2, config.seed() + 1);
        Split fit = read(dataset, pick(outer.train(), inner.train()), targets, config.stride());
        Split validation = read(dataset, pick(outer.train(), inner.validation()), targets, config.stride());
        Split test = read(dataset, outer.validation(), targets, config.stride());
        double[][] trainTargets = concat(fit.targets(), validation.targets());

        List<Score> scores = new ArrayList<>();
        for (Candidate c : candidates) {
            double[][] fitX = features(c.encoder(), fit.frames(), config);
            double[][] valX = features(c.encoder(), validation.frames(), config);
            double[][] testX = features(c.encoder(), test.frames(), config);
            double bestLambda = config.lambdas()[0];
            double best = Double.NEGATIVE_INFINITY;
            if (config.lambdas().length > 1) {
                for (double lambda : config.lambdas()) {
                    double r2 = RidgeProbe.evaluate(fitX, fit.targets(), valX, validation.targets(), lambda).meanR2();
                    if (r2 > best) {
                        best = r2;
                        bestLambda = lambda;
                    }
                }
            }
            ProbeResult result = RidgeProbe.evaluate(concat(fitX, valX), trainTargets, testX, test.targets(), bestLambda);
            scores.add(new Score(c.name(), c.encoder().id(), result.r2(), result.meanR2(), bestLambda));
            progress.accept(scores.size());
        }
        return new Report(dataset.manifest().world(), targets.names(), List.copyOf(scores), outer.train().size(),
                outer.validation().size(), trainTargets.length, test.targets().length);
    }

    private static List<Integer> pick(List<Integer> from, List<Integer> positions) {
        List<Integer> out = new ArrayList<>(positions.size());
        for (int p : positions) {
            out.add(from.get(p));
        }
        return out;
    }

    private static Split read(Dataset dataset, List<Integer> episodes, ProbeTargets targets, int stride) throws IOException {
        List<Frame> frames = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (int e : episodes) {
            Episode ep = dataset.episode(e);
            for (int t = 0; t < ep.length(); t += stride) {
                frames.add(ep.frame(t));
                rows.add(targets.row(ep, t));
            }
        }
        return new Split(frames, rows.toArray(new double[0][]));
    }

    /** Pooled features (n, p) of {@code frames}, encoded in batches. */
    static double[][] features(PatchEncoder encoder, List<Frame> frames, ProbeConfig config) {
        double[][] out = new double[frames.size()][];
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int start = 0; start < frames.size(); start += config.batchSize()) {
                List<Frame> chunk = frames.subList(start, Math.min(frames.size(), start + config.batchSize()));
                try (NDManager step = manager.newSubManager()) {
                    NDArray pixels = FramePixels.toBatch(step, chunk, encoder.inputHeight(), encoder.inputWidth());
                    double[][] rows = RidgeProbe.rows(config.pooling().apply(encoder.encode(pixels)));
                    System.arraycopy(rows, 0, out, start, rows.length);
                }
            }
        }
        return out;
    }

    private static double[][] concat(double[][] a, double[][] b) {
        double[][] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
