package ai.foresight.experiments.serve;

import ai.djl.ndarray.NDManager;
import ai.foresight.experiments.evaluate.EvalSpec;
import ai.foresight.experiments.pipeline.ModelManifest;
import ai.foresight.experiments.pipeline.TrainedModel;
import ai.foresight.server.backend.ModelBackendConfig;
import ai.foresight.server.backend.ServedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a model directory written by {@code foresight train} for serving, with DINO-WM's planner settings for its
 * world: CEM 300 x 10 (30 iterations for PushT), horizon 5 frames, one frame executed per plan, proprio weight 1 (0
 * for PointMaze, whose goals are positions only).
 */
final class TrainedModels {
    private TrainedModels() {
    }

    static ServableModel open(Path dir, NDManager manager) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--model: expected a model directory or one of tiny, wall, got '" + dir
                    + "' (no such directory)");
        }
        TrainedModel trained = TrainedModel.load(dir, manager);
        try {
            ModelManifest m = trained.manifest();
            ServedModel model = new ServedModel(modelId(dir, m), trained.encoder(), trained.worldModel(), m.frameSize(),
                    m.frameSize(), floats(m.actionLow()), floats(m.actionHigh()), trained.normalization());
            return new ServableModel(model, backendConfig(m.world()), manager, false);
        } catch (RuntimeException e) {
            trained.close();
            throw e;
        }
    }

    /**
     * DINO-WM's planner for {@code world}, with the goal cost's proprio weight that {@code eval} plans with
     * ({@link EvalSpec#DEFAULT_PROPRIO_WEIGHT} in every world; DINO-WM's vision-only PointMaze lost 40 points).
     */
    static ModelBackendConfig backendConfig(String world) {
        ModelBackendConfig config = ModelBackendConfig.defaults().withProprioWeight(EvalSpec.DEFAULT_PROPRIO_WEIGHT);
        if (world.equals("pusht")) {
            config = config.withSearch(config.horizonFrames(), config.samples(), 30, config.elites());
        }
        return config;
    }

    /** {@code <directory>-<world>-<mode>-step<N>}: which run and which checkpoint answered. */
    static String modelId(Path dir, ModelManifest m) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return (name == null ? "model" : name.toString()) + "-" + m.world() + "-" + m.mode() + "-step" + m.steps();
    }

    private static float[] floats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
