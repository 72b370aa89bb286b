package ai.foresight.experiments.serve;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a model directory written by {@code foresight train} for serving. */
final class TrainedModels {
    private TrainedModels() {
    }

    static ServableModel open(Path dir, NDManager manager) throws Exception {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--model: expected a model directory or one of tiny, wall, got '" + dir
                    + "' (no such directory)");
        }
        throw new IllegalArgumentException("--model: serving a trained model directory needs the pipeline's TrainedModel,"
                + " which is not on this branch yet");
    }
}
