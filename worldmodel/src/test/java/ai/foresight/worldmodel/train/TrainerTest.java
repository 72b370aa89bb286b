package ai.foresight.worldmodel.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import ai.foresight.worldmodel.DecoderConfig;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.RepoConfig;
import ai.foresight.worldmodel.WorldModel;
import ai.foresight.worldmodel.WorldModelConfig;
import ai.foresight.worldmodel.checkpoint.Checkpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrainerTest {
    private static final String ENCODER = "synthetic-linear";

    /** Records every step's losses. */
    static final class Recorder implements TrainingListener {
        final List<LossTerms> losses = new ArrayList<>();
        final List<TrainingProgress> progress = new ArrayList<>();
        final long stopAt;

        Recorder(long stopAt) {
            this.stopAt = stopAt;
        }

        @Override
        public void onStep(TrainingProgress p) {
            losses.add(p.losses());
            progress.add(p);
        }

        @Override
        public boolean shouldStop() {
            return !progress.isEmpty() && progress.get(progress.size() - 1).step() == stopAt;
        }
    }

    private static double mean(List<LossTerms> losses, int from, int to) {
        return losses.subList(from, to).stream().mapToDouble(LossTerms::latent).average().orElseThrow();
    }

    @Test
    void learnsLinearDynamicsAndBeatsCopyingTheLastFrame(@TempDir Path run) throws Exception {
        PredictorConfig p = PredictorConfig.tiny();
        TrainerConfig config = new TrainerConfig(150, 16, 5e-3, 5e-4, 10, 0.01, 1.0, 1.0, 1.0, 1.0, 7L, 10, 75, 2, 75, 2);
        LinearDynamicsWindows train = new LinearDynamicsWindows(p, 4, 11);
        LinearDynamicsWindows validation = new LinearDynamicsWindows(p, 6, 11);
        Recorder recorder = new Recorder(-1);
        List<Evaluation> evaluations = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onStep(TrainingProgress progress) {
                recorder.onStep(progress);
            }

            @Override
            public void onEvaluation(long step, Evaluation evaluation) {
                evaluations.add(evaluation);
            }
        };
        try (NDManager m = NDManager.newBaseManager(); WorldModel model = WorldModel.create(WorldModelConfig.features(p), 3, m)) {
            TrainingResult result = new Trainer(config, run, ENCODER).fit(model, train, validation, listener);
            List<LossTerms> l = recorder.losses;
            double first = mean(l, 0, 10);
            double last = mean(l, 140, 150);
            System.out.printf("synthetic latent MSE by 10-step blocks:");
            for (int i = 0; i < 150; i += 10) {
                System.out.printf(" %.4f", mean(l, i, i + 10));
            }
            Evaluation e = result.lastEvaluation();
            System.out.printf("%none-step %.5f vs copy-last %.5f; open loop %s vs %s%n", e.oneStepMse(), e.oneStepCopyLastMse(),
                    java.util.Arrays.toString(e.openLoopMse()), java.util.Arrays.toString(e.openLoopCopyLastMse()));
            assertTrue(last < 0.25 * first, "latent loss must fall: first 10 steps " + first + ", last 10 " + last);
            assertEquals(2, evaluations.size(), "evaluations at steps 75 and 150");
            assertTrue(e.oneStepRatio() < 0.3, "one-step MSE must beat copy-last clearly, ratio " + e.oneStepRatio());
            for (int s = 0; s < e.openLoopMse().length; s++) {
                assertTrue(e.openLoopMse()[s] < 0.5 * e.openLoopCopyLastMse()[s], "open-loop step " + (s + 1) + " must beat copy-last");
            }
            assertEquals(4, e.openLoopMse().length, "6-frame windows, history 2: 4 open-loop steps");

            TrainingProgress end = recorder.progress.get(149);
            assertEquals(150, end.step());
            assertEquals(0.0, end.etaSeconds(), 1e-9);
            assertTrue(recorder.progress.get(10).etaSeconds() > 0);
            assertEquals(config.finalLearningRate(), end.learningRate(), 1e-6, "the cosine ends at the final learning rate");

            List<String> lines = Files.readAllLines(run.resolve("metrics.jsonl"));
            assertEquals(15 + 2, lines.size(), "a line every 10 steps plus two evaluations");
            assertTrue(lines.get(0).startsWith("{\"step\":10,\"lr\":"), lines.get(0));
            assertEquals(2, Checkpoints.list(run.resolve("checkpoints")).size());
            try (Stream<Path> entries = Files.list(run.resolve("checkpoints"))) {
                assertTrue(entries.noneMatch(f -> f.getFileName().toString().startsWith(".tmp")), "no temporary directory is left");
            }
        }
    }

    @Test
    void resumeReproducesTheNextStepsExactly(@TempDir Path base) throws Exception {
        WorldModelConfig config = WorldModelConfig.repo(PredictorConfig.tiny(), RepoConfig.tiny());
        TrainerConfig trainer = TrainerConfig.tiny().withSteps(6).withCadence(1, 0, 0);
        LinearDynamicsWindows data = new LinearDynamicsWindows(PredictorConfig.tiny(), 4, 2);
        try (NDManager m = NDManager.newBaseManager()) {
            Recorder straight = new Recorder(-1);
            WorldModel uninterrupted = WorldModel.create(config, 5, m);
            new Trainer(trainer, base.resolve("a"), ENCODER).fit(uninterrupted, data, null, straight);

            Recorder first = new Recorder(3);
            try (WorldModel part = WorldModel.create(config, 5, m)) {
                TrainingResult stopped = new Trainer(trainer, base.resolve("b"), ENCODER).fit(part, data, null, first);
                assertEquals(3, stopped.step());
            }
            Recorder second = new Recorder(-1);
            try (WorldModel resumed = WorldModel.create(config, 99, m)) { // other initial weights: the checkpoint replaces them
                TrainingResult result = new Trainer(trainer, base.resolve("b"), ENCODER).fit(resumed, data, null, second);
                assertEquals(3, result.resumedFromStep());
                assertEquals(3, second.losses.size());
                for (int i = 0; i < 3; i++) {
                    assertEquals(straight.losses.get(3 + i), second.losses.get(i), "step " + (4 + i) + " losses");
                }
                var a = uninterrupted.parameters();
                var b = resumed.parameters();
                for (int i = 0; i < a.size(); i++) {
                    assertArrayEquals(a.get(i).getValue().getArray().toFloatArray(), b.get(i).getValue().getArray().toFloatArray(), 0f,
                            a.get(i).getKey());
                }
            }
            assertTrue(straight.losses.get(5).beta() != straight.losses.get(0).beta(), "the dual variable moved");
            List<String> lines = Files.readAllLines(base.resolve("b/metrics.jsonl"));
            assertEquals(6, lines.size(), "the resumed run continues the metrics file: " + lines);
            uninterrupted.close();
        }
    }

    @ParameterizedTest(name = "posterior reads patches: {0}")
    @ValueSource(booleans = {false, true})
    void repoModeLearnsTheRewardAndRaisesBetaWhileOverBudget(boolean posteriorReadsPatches) throws Exception {
        PredictorConfig p = PredictorConfig.tiny();
        WorldModelConfig config = WorldModelConfig.repo(p,
                RepoConfig.tiny().withEpsilon(0.05).withPosteriorReadsPatches(posteriorReadsPatches));
        TrainerConfig trainer = new TrainerConfig(80, 16, 5e-3, 5e-4, 5, 0.01, 10.0, 1.0, 1.0, 1.0, 3L, 10, 0, 1, 0, 1);
        Recorder recorder = new Recorder(-1);
        try (NDManager m = NDManager.newBaseManager(); WorldModel model = WorldModel.create(config, 1, m)) {
            new Trainer(trainer, null, ENCODER).fit(model, new LinearDynamicsWindows(p, 4, 9), null, recorder);
        }
        List<LossTerms> l = recorder.losses;
        double rewardFirst = l.subList(0, 10).stream().mapToDouble(LossTerms::reward).average().orElseThrow();
        double rewardLast = l.subList(70, 80).stream().mapToDouble(LossTerms::reward).average().orElseThrow();
        System.out.printf("RePo reward NLL %.4f -> %.4f, KL %.3f -> %.3f nats/frame, beta %.2e -> %.2e%n", rewardFirst, rewardLast,
                l.get(0).kl(), l.get(79).kl(), l.get(0).beta(), l.get(79).beta());
        assertTrue(rewardLast < 0.5 * rewardFirst, "reward NLL must fall: " + rewardFirst + " -> " + rewardLast);
        for (int i = 1; i < l.size(); i++) {
            if (l.get(i - 1).kl() > 0.05) {
                assertTrue(l.get(i).beta() > l.get(i - 1).beta(), "β must rise after a step with KL over budget, step " + (i + 1));
            }
        }
        assertTrue(l.get(79).beta() > 10 * l.get(0).beta(), "KL stays over a 0.05-nat budget, so β grows");
    }

    @Test
    void aPixelDecoderLeavesTheRestOfTheModelsTrainingExactlyAsItWas() throws Exception {
        PredictorConfig p = PredictorConfig.tiny();
        WorldModelConfig plain = WorldModelConfig.features(p);
        WorldModelConfig withDecoder = plain.withDecoder(new DecoderConfig(4, 8));
        // a clip norm far below the gradients' keeps clipping on at every step: a shared norm would couple the two
        TrainerConfig trainer = new TrainerConfig(8, 4, 5e-3, 5e-4, 2, 0.01, 1e-3, 1.0, 1.0, 1.0, 2L, 1, 0, 1, 0, 1);
        LinearDynamicsWindows data = new LinearDynamicsWindows(p, 3, 4);
        FeatureWindows withPixels = new FeatureWindows() {
            @Override
            public int windowFrames() {
                return data.windowFrames();
            }

            @Override
            public WindowBatch sample(NDManager manager, int batchSize, Random random) {
                WindowBatch w = data.sample(manager, batchSize, random);
                float[] pixels = new float[batchSize * 3 * 3 * 4 * 4];
                for (int i = 0; i < pixels.length; i++) {
                    pixels[i] = random.nextFloat();
                }
                return new WindowBatch(w.features(), w.actions(), w.proprio(), w.reward(),
                        manager.create(pixels, new Shape(batchSize, 3, 3, 4, 4)));
            }
        };
        try (NDManager m = NDManager.newBaseManager(); WorldModel a = WorldModel.create(plain, 6, m);
                WorldModel b = WorldModel.create(withDecoder, 6, m)) {
            float[] decoderBefore = b.decoder().getParameters().get(0).getValue().getArray().toFloatArray();
            Recorder plainRun = new Recorder(-1);
            Recorder decoderRun = new Recorder(-1);
            new Trainer(trainer, null, ENCODER).fit(a, data, null, plainRun);
            new Trainer(trainer, null, ENCODER).fit(b, withPixels, null, decoderRun);
            for (int i = 0; i < 8; i++) {
                assertEquals(plainRun.losses.get(i).latent(), decoderRun.losses.get(i).latent(), 0.0, "step " + (i + 1) + " latent MSE");
                assertEquals(plainRun.progress.get(i).gradientNorm(), decoderRun.progress.get(i).gradientNorm(), 0.0, "step " + (i + 1));
                assertTrue(decoderRun.progress.get(i).gradientNorm() > 100 * trainer.clipNorm(), "clipping is on");
            }
            PairList<String, Parameter> others = a.parameters();
            PairList<String, Parameter> all = b.parameters();
            for (Pair<String, Parameter> e : others) {
                assertArrayEquals(e.getValue().getArray().toFloatArray(), all.get(e.getKey()).getArray().toFloatArray(), 0f, e.getKey());
            }
            assertTrue(decoderRun.losses.get(7).decoder() > 0);
            float[] decoderAfter = b.decoder().getParameters().get(0).getValue().getArray().toFloatArray();
            assertTrue(!Arrays.equals(decoderBefore, decoderAfter), "the decoder trained");
        }
    }
}
