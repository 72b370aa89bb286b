package ai.foresight.experiments.encode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.foresight.datasets.image.Frame;
import ai.foresight.datasets.store.Dataset;
import ai.foresight.datasets.store.Episode;
import ai.foresight.datasets.window.EpisodeSplit;
import ai.foresight.encoders.FramePixels;
import ai.foresight.encoders.PatchEncoder;
import ai.foresight.encoders.probe.MlpProbe;
import ai.foresight.encoders.probe.RidgeProbe;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Does a frozen encoder's output linearly hold the world's state? A ridge probe (DINO-WM probes its
 * DINOv2 patch features the same way) from one frame's features to its ground-truth state, fitted on
 * some episodes and scored by R² per state dimension on held-out ones. Where the dataset carries
 * moving-shape distractors, their centres are targets too ({@link DistractorTargets}): what a
 * representation should forget. Run on several encoders over
 * the same frames and splits, it compares e.g. a pretrained encoder with an untrained one of the same
 * size.
 */
public final class StateProbe {
    private StateProbe() {}

    /** Turns frames into token features; the probe pools them ({@link ProbeConfig#pooling()}) into one row per frame. */
    @FunctionalInterface
    public interface FrameTokens {
        /**
         * @param manager owns the result and every intermediate (closed by the caller after each batch)
         * @return (B, n, C) token features of the B frames
         */
        NDArray encode(NDManager manager, List<Frame> frames);

        /** A frozen encoder's patch features (B, N, D) of the frames, resized to its input. */
        static FrameTokens of(PatchEncoder encoder) {
            return (manager, frames) ->
                    encoder.encode(FramePixels.toBatch(manager, frames, encoder.inputHeight(), encoder.inputWidth()));
        }
    }

    /**
     * What is probed: frames to token features, with the name and id it is reported under.
     *
     * @param name reported name
     * @param id identity of what produced the features (an encoder id, a model's latent)
     * @param tokens the features
     */
    public record Candidate(String name, String id, FrameTokens tokens) {
        /** A frozen encoder's patch features. */
        public Candidate(String name, PatchEncoder encoder) {
            this(name, encoder.id(), FrameTokens.of(encoder));
        }
    }

    /**
     * One encoder's held-out scores.
     *
     * @param name the candidate's name
     * @param encoderId its id
     * @param r2 R² per target, in {@link Report#targets()} order
     * @param meanR2 mean of the finite entries
     * @param lambdas per target, the ridge strength chosen on the validation split (NaN for the MLP probe)
     */
    public record Score(String name, String encoderId, double[] r2, double meanR2, double[] lambdas) {
        @Override
        public double[] r2() {
            return r2.clone();
        }

        @Override
        public double[] lambdas() {
            return lambdas.clone();
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
        ProbeTargets state = ProbeTargets.forState(dataset.manifest().env().stateNames());
        ProbeTargets targets = DistractorTargets.of(dataset.manifest()).map(state::withDistractors).orElse(state);
        EpisodeSplit outer = EpisodeSplit.of(dataset.size(), config.testFraction(), config.seed());
        EpisodeSplit inner = EpisodeSplit.of(outer.train().size(), 0.2, config.seed() + 1);
        Split fit = read(dataset, pick(outer.train(), inner.train()), targets, config.stride());
        Split validation = read(dataset, pick(outer.train(), inner.validation()), targets, config.stride());
        Split test = read(dataset, outer.validation(), targets, config.stride());
        double[][] trainTargets = concat(fit.targets(), validation.targets());

        List<Score> scores = new ArrayList<>();
        for (Candidate c : candidates) {
            double[][] fitX = features(c.tokens(), fit.frames(), config);
            double[][] valX = features(c.tokens(), validation.frames(), config);
            double[][] testX = features(c.tokens(), test.frames(), config);
            double[] lambdas;
            double[] r2;
            if (config.mlp() != null) {
                lambdas = new double[targets.size()];
                Arrays.fill(lambdas, Double.NaN);
                r2 = MlpProbe.heldOutR2(fitX, fit.targets(), valX, validation.targets(), testX, test.targets(), config.mlp());
            } else {
                lambdas = chooseLambdas(fitX, fit.targets(), valX, validation.targets(), config.lambdas());
                r2 = heldOutR2(concat(fitX, valX), trainTargets, testX, test.targets(), lambdas);
            }
            scores.add(new Score(c.name(), c.id(), r2, finiteMean(r2), lambdas));
            progress.accept(scores.size());
        }
        return new Report(dataset.manifest().world(), targets.names(), List.copyOf(scores), outer.train().size(),
                outer.validation().size(), trainTargets.length, test.targets().length);
    }

    /**
     * For each target, the λ with the best validation R² (RidgeCV's per-target choice: a target the
     * features barely hold, such as an angle seen in few poses, wants far more shrinkage than a
     * position); ties and undefined R² keep the earlier λ.
     */
    static double[] chooseLambdas(double[][] fitX, double[][] fitY, double[][] valX, double[][] valY, double[] candidates) {
        int k = fitY[0].length;
        double[] chosen = new double[k];
        Arrays.fill(chosen, candidates[0]);
        if (candidates.length == 1) {
            return chosen;
        }
        double[] best = new double[k];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        for (double lambda : candidates) {
            double[] r2 = RidgeProbe.evaluate(fitX, fitY, valX, valY, lambda).r2();
            for (int j = 0; j < k; j++) {
                if (r2[j] > best[j]) {
                    best[j] = r2[j];
                    chosen[j] = lambda;
                }
            }
        }
        return chosen;
    }

    /** R² per target on the test split, each target fitted with its own λ (one fit per distinct λ). */
    static double[] heldOutR2(double[][] trainX, double[][] trainY, double[][] testX, double[][] testY, double[] lambdas) {
        double[] r2 = new double[lambdas.length];
        for (double lambda : Arrays.stream(lambdas).distinct().toArray()) {
            double[] all = RidgeProbe.evaluate(trainX, trainY, testX, testY, lambda).r2();
            for (int j = 0; j < lambdas.length; j++) {
                if (lambdas[j] == lambda) {
                    r2[j] = all[j];
                }
            }
        }
        return r2;
    }

    private static double finiteMean(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).average().orElse(Double.NaN);
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
                rows.add(targets.row(ep, e, t));
            }
        }
        return new Split(frames, rows.toArray(new double[0][]));
    }

    /** Pooled features (n, p) of {@code frames}, encoded in batches. */
    static double[][] features(FrameTokens tokens, List<Frame> frames, ProbeConfig config) {
        double[][] out = new double[frames.size()][];
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int start = 0; start < frames.size(); start += config.batchSize()) {
                List<Frame> chunk = frames.subList(start, Math.min(frames.size(), start + config.batchSize()));
                try (NDManager step = manager.newSubManager()) {
                    double[][] rows = RidgeProbe.rows(config.pooling().apply(tokens.encode(step, chunk)));
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
