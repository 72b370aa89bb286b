package ai.foresight.worldmodel.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.RepoConfig;
import ai.foresight.worldmodel.WorldModel;
import ai.foresight.worldmodel.WorldModelConfig;
import ai.foresight.worldmodel.train.LinearDynamicsWindows;
import ai.foresight.worldmodel.train.Trainer;
import ai.foresight.worldmodel.train.TrainerConfig;
import ai.foresight.worldmodel.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {
    private static final TrainerConfig TWO_STEPS = TrainerConfig.tiny().withSteps(2);

    private static Path trainTiny(Path run) throws IOException {
        return trainTiny(run, WorldModelConfig.tiny());
    }

    private static Path trainTiny(Path run, WorldModelConfig config) throws IOException {
        try (NDManager m = NDManager.newBaseManager(); WorldModel model = WorldModel.create(config, 1, m)) {
            return new Trainer(TWO_STEPS, run, "dino-a").fit(model, new LinearDynamicsWindows(PredictorConfig.tiny(), 3, 1), null,
                    TrainingListener.NONE).lastCheckpoint();
        }
    }

    /** Rewrites the checkpoint's provenance as a version before {@code field} existed wrote it (false, so omitted). */
    private static void dropFalseField(Path checkpoint, String field) throws IOException {
        Path provenance = checkpoint.resolve("provenance.json");
        String json = Files.readString(provenance);
        assertTrue(json.contains("\"" + field + "\" : false"), json);
        Files.writeString(provenance, json.replaceAll(",\\s*\"" + field + "\" : false", ""));
        assertFalse(Files.readString(provenance).contains(field));
    }

    @Test
    void aCheckpointWrittenBeforeTheProprioResidualLoadsAsTheAbsoluteHead(@TempDir Path run) throws IOException {
        Path checkpoint = trainTiny(run);
        dropFalseField(checkpoint, "proprioResidual"); // what session 7 and earlier wrote
        try (NDManager m = NDManager.newBaseManager(); WorldModel model = Checkpoints.loadModel(checkpoint, "dino-a", m)) {
            assertFalse(model.config().predictor().proprioResidual());
        }
    }

    @Test
    void aRepoCheckpointWrittenBeforeThePatchReadingPosteriorLoadsWithThePerTokenOne(@TempDir Path run) throws IOException {
        Path checkpoint = trainTiny(run, WorldModelConfig.repo(PredictorConfig.tiny(), RepoConfig.tiny()));
        dropFalseField(checkpoint, "posteriorReadsPatches"); // what session 8 and earlier wrote
        try (NDManager m = NDManager.newBaseManager(); WorldModel model = Checkpoints.loadModel(checkpoint, "dino-a", m)) {
            assertFalse(model.config().repo().posteriorReadsPatches());
            assertFalse(model.posterior().readsPatches());
        }
    }

    @Test
    void refusesAnotherEncoderNamingTheField(@TempDir Path run) throws IOException {
        Path checkpoint = trainTiny(run);
        try (NDManager m = NDManager.newBaseManager(); WorldModel model = WorldModel.create(WorldModelConfig.tiny(), 1, m)) {
            IncompatibleCheckpointException e = assertThrows(IncompatibleCheckpointException.class,
                    () -> new Trainer(TWO_STEPS, run, "dino-b").fit(model, new LinearDynamicsWindows(PredictorConfig.tiny(), 3, 1),
                            null, TrainingListener.NONE));
            assertEquals("encoderId", e.field());
            assertEquals("checkpoint " + checkpoint + " refused: encoderId is 'dino-a' there but 'dino-b' in this run", e.getMessage());
            assertThrows(IncompatibleCheckpointException.class, () -> Checkpoints.loadModel(checkpoint, "dino-b", m));
        }
    }

    @Test
    void refusesAnotherPresetOrConfigNamingTheField(@TempDir Path run) throws IOException {
        Path checkpoint = trainTiny(run);
        try (NDManager m = NDManager.newBaseManager()) {
            WorldModelConfig wall = WorldModelConfig.features(PredictorConfig.wall());
            IncompatibleCheckpointException preset = assertThrows(IncompatibleCheckpointException.class,
                    () -> Checkpoints.loadModel(checkpoint, wall, "dino-a", m));
            assertEquals("model.predictor.name", preset.field());
            assertTrue(preset.getMessage().endsWith("refused: model.predictor.name is \"tiny\" there but \"wall\" in this run"),
                    preset.getMessage());

            PredictorConfig t = PredictorConfig.tiny();
            PredictorConfig wider = new PredictorConfig(t.name(), t.featureDim(), t.patchGrid(), t.tokenGrid(), t.historyFrames(),
                    t.actionDim(), t.frameskip(), t.proprioDim(), t.actionEmbedDim(), t.proprioEmbedDim(), t.actionTokens(), 32,
                    t.depth(), t.heads(), t.mlpDim(), t.dropout());
            IncompatibleCheckpointException width = assertThrows(IncompatibleCheckpointException.class,
                    () -> Checkpoints.loadModel(checkpoint, WorldModelConfig.features(wider), "dino-a", m));
            assertEquals("model.predictor.width", width.field());
            assertTrue(width.getMessage().contains("model.predictor.width is 16 there but 32 in this run"), width.getMessage());

            IncompatibleCheckpointException trainer = assertThrows(IncompatibleCheckpointException.class, () -> {
                try (WorldModel model = WorldModel.create(WorldModelConfig.tiny(), 1, m)) {
                    new Trainer(TWO_STEPS.withSeed(5), run, "dino-a").fit(model, new LinearDynamicsWindows(t, 3, 1), null, null);
                }
            });
            assertEquals("trainer.seed", trainer.field());
        }
    }

    @Test
    void loadsTheSameWeightsAndRecordsProvenance(@TempDir Path run) throws IOException {
        Path checkpoint = trainTiny(run);
        Provenance p = Checkpoints.readProvenance(checkpoint);
        assertEquals(2, p.step());
        assertEquals("dino-a", p.encoderId());
        assertEquals(WorldModelConfig.tiny(), p.model());
        assertEquals(TWO_STEPS, p.trainer());
        assertTrue(p.versions().keySet().containsAll(List.of("java", "djl", "engine", "foresight")), p.versions().toString());
        assertTrue(p.versions().get("engine").startsWith("PyTorch"), p.versions().toString());
        try (NDManager m = NDManager.newBaseManager();
                WorldModel a = Checkpoints.loadModel(checkpoint, "dino-a", m);
                WorldModel b = Checkpoints.loadModel(checkpoint, WorldModelConfig.tiny(), "dino-a", m)) {
            for (int i = 0; i < a.parameters().size(); i++) {
                assertArrayEquals(a.parameters().get(i).getValue().getArray().toFloatArray(),
                        b.parameters().get(i).getValue().getArray().toFloatArray(), 0f);
            }
        }
    }

    @Test
    void aFailedWriteLeavesNothingBehind(@TempDir Path dir) throws IOException {
        try (NDManager m = NDManager.newBaseManager(); WorldModel model = WorldModel.create(WorldModelConfig.tiny(), 1, m)) {
            Provenance p = new Provenance(Provenance.FORMAT, "e", model.config(), null, 7, null, Map.of(), "now");
            assertThrows(IOException.class, () -> Checkpoints.save(dir, p, model, out -> {
                out.writeLong(1);
                throw new IOException("disk full");
            }));
            try (Stream<Path> entries = Files.list(dir)) {
                assertEquals(0, entries.count(), "neither a final nor a temporary directory remains");
            }
            Path saved = Checkpoints.save(dir, p, model, null);
            assertEquals("step-000000007", saved.getFileName().toString());
            assertEquals(saved, Checkpoints.latest(dir).orElseThrow());
            assertFalse(Files.exists(saved.resolve(Checkpoints.TRAINER_STATE)), "a model-only checkpoint");
        }
    }
}
