package ai.foresight.encoders.dino;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.foresight.encoders.FrameSource;
import ai.foresight.encoders.vit.VitPatchEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DinoPretrainerTest {
    private static final FrameSource DATA = SyntheticFrames.source(4, 12, 32, 1);

    @Test
    void lossFallsAndCentringKeepsTheTeacherFromCollapsing(@TempDir Path dir) throws IOException {
        DinoConfig config = DinoConfig.tiny();
        PretrainResult centred = DinoPretrainer.run(config, DATA, dir.resolve("centred"), PretrainProgress.silent());
        assertTrue(centred.completed());
        assertEquals(config.steps(), centred.history().size());
        double first = centred.meanLossOfFirst(5);
        double last = centred.meanLossOfLast(5);
        assertTrue(last < first - 0.5, "DINO loss must fall: first 5 steps " + first + ", last 5 " + last);
        double minEntropy = centred.history().stream().skip(5).mapToDouble(DinoStepRecord::teacherEntropy).min().orElseThrow();
        assertTrue(minEntropy > 2.0, "with centring the teacher entropy stays above 2 nats, min " + minEntropy);

        PretrainResult uncentred = DinoPretrainer.run(config.withCenterMomentum(1.0).withSteps(12, 3), DATA, dir.resolve("uncentred"),
                PretrainProgress.silent());
        double maxEntropy = uncentred.history().stream().skip(5).mapToDouble(DinoStepRecord::teacherEntropy).max().orElseThrow();
        assertTrue(maxEntropy < 2.0, "without centring the teacher sharpens onto few dimensions, max entropy " + maxEntropy);
    }

    @Test
    void writesHistoryCheckpointsAndALoadableEncoder(@TempDir Path dir) throws IOException {
        DinoConfig config = DinoConfig.tiny().withSteps(4, 1).withCheckpointEvery(2);
        PretrainResult result = DinoPretrainer.run(config, DATA, dir, PretrainProgress.silent());
        List<DinoStepRecord> lines = LossHistory.read(dir.resolve(LossHistory.FILE));
        assertEquals(4, lines.size());
        assertEquals(result.history(), lines);
        assertTrue(Files.readString(dir.resolve(LossHistory.FILE)).contains("\"teacher_entropy\""), "snake_case keys");
        try (var s = Files.list(dir.resolve(DinoCheckpoints.DIR))) {
            assertEquals(List.of("step-000002", "step-000004"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        JsonNode provenance = new ObjectMapper().readTree(dir.resolve("checkpoints/step-000004/provenance.json").toFile());
        assertEquals(7, provenance.get("seed").asLong());
        assertEquals(32, provenance.get("config").get("vit").get("imageSize").asInt());
        assertTrue(provenance.get("versions").get("djl").asText().startsWith("0.36"));
        try (VitPatchEncoder encoder = VitPatchEncoder.load(result.encoderDir(), Device.cpu());
                NDManager m = NDManager.newBaseManager()) {
            assertEquals(result.encoderId(), encoder.id());
            NDArray f = encoder.encode(m.randomUniform(0, 1, new Shape(2, 3, 32, 32)));
            assertEquals(new Shape(2, 16, 32), f.getShape());
        }
        assertTrue(Files.exists(result.encoderDir().resolve("provenance.json")));
    }

    @Test
    void aStoppedRunResumesExactly(@TempDir Path dir) throws IOException {
        DinoConfig config = DinoConfig.tiny().withSteps(6, 2).withCheckpointEvery(100);
        PretrainResult straight = DinoPretrainer.run(config, DATA, dir.resolve("straight"), PretrainProgress.silent());

        Path resumed = dir.resolve("resumed");
        PretrainResult firstHalf = DinoPretrainer.run(config, DATA, resumed, new PretrainProgress() {
            private long seen;

            @Override
            public void onStep(DinoStepRecord record, int totalSteps) {
                seen = record.step() + 1;
            }

            @Override
            public boolean stopRequested() {
                return seen == 3;
            }
        });
        assertFalse(firstHalf.completed());
        assertEquals(3, firstHalf.stepsDone());
        assertNull(firstHalf.encoderDir());
        PretrainResult secondHalf = DinoPretrainer.run(config, DATA, resumed, PretrainProgress.silent());
        assertEquals(3, secondHalf.resumedFrom());
        assertEquals(6, secondHalf.stepsDone());
        assertEquals(straight.encoderId(), secondHalf.encoderId(), "resumed weights equal the uninterrupted run's");
        assertEquals(straight.history().size(), secondHalf.history().size());
        for (int i = 0; i < 6; i++) {
            assertEquals(straight.history().get(i).loss(), secondHalf.history().get(i).loss(), 1e-6, "loss of step " + i);
        }
    }

    @Test
    void refusesToResumeWithAnotherConfig(@TempDir Path dir) throws IOException {
        DinoConfig config = DinoConfig.tiny().withSteps(2, 1);
        DinoPretrainer.run(config, DATA, dir, PretrainProgress.silent());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DinoPretrainer.run(config.withSeed(99), DATA, dir, PretrainProgress.silent()));
        assertTrue(e.getMessage().contains("written with a different config (fields [seed])"), e.getMessage());
    }

    @Test
    void stepsDoNotAccumulateArrays() {
        DinoConfig config = DinoConfig.tiny();
        try (DinoTraining training = new DinoTraining(config)) {
            var sampler = new DinoPretrainer.FrameSampler(DATA);
            var augmenter = new MultiCropAugmenter(config.crops());
            DinoPretrainer.step(training, sampler, augmenter); // creates the optimiser moments
            int before = training.manager.getManagedArrays().size();
            for (int i = 0; i < 3; i++) {
                DinoPretrainer.step(training, sampler, augmenter);
            }
            assertEquals(before, training.manager.getManagedArrays().size(), "arrays left behind by a step");
        }
    }

    @Test
    void theLastLayerHoldsStillWhileFrozenAndTheRestTrains() {
        DinoConfig t = DinoConfig.tiny();
        DinoConfig config = new DinoConfig(t.vit(), t.head(), t.crops(), 4, 10, 1, 1e-3, 1e-4, 0.04, 3.0, 0.99, 0.04, 0.04, 0,
                0.1, 0.9, 2, 5, 1, 3);
        try (DinoTraining training = new DinoTraining(config)) {
            var sampler = new DinoPretrainer.FrameSampler(DATA);
            var augmenter = new MultiCropAugmenter(config.crops());
            var params = training.student.getParameters();
            float[] last = params.get(params.size() - 1).getValue().getArray().toFloatArray();
            float[] first = params.get(0).getValue().getArray().toFloatArray();
            assertTrue(params.get(params.size() - 1).getKey().contains(DinoHead.LAST_LAYER));
            DinoPretrainer.step(training, sampler, augmenter);
            DinoPretrainer.step(training, sampler, augmenter);
            assertArrayEquals(last, params.get(params.size() - 1).getValue().getArray().toFloatArray(), 0f);
            assertFalse(java.util.Arrays.equals(first, params.get(0).getValue().getArray().toFloatArray()));
            DinoPretrainer.step(training, sampler, augmenter); // step 2: released
            assertFalse(java.util.Arrays.equals(last, params.get(params.size() - 1).getValue().getArray().toFloatArray()));
        }
    }

    @Test
    void configChecksCropsAgainstTheEncoder() {
        DinoConfig t = DinoConfig.tiny();
        MultiCropConfig badLocal = new MultiCropConfig(32, 12, 2, 0.4, 1, 0.1, 0.4, 0.8, 0.4, 0.4, 0.2, 0.1, 0.2, 0.1, 0.6, 0.2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DinoConfig(t.vit(), t.head(), badLocal,
                8, 10, 1, 1e-3, 0, 0, 1, 0.99, 0.04, 0.04, 0, 0.1, 0.9, 0, 5, 1, 0));
        assertEquals("crops.localSize: expected a multiple of the patch size 8, got 12", e.getMessage());
    }
}
