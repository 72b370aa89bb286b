package ai.foresight.experiments.serve;

import ai.djl.ndarray.NDManager;
import ai.foresight.server.backend.ModelBackendConfig;
import ai.foresight.server.backend.ServedModel;
import ai.foresight.server.backend.SyntheticModels;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code --model} names, opened: a trained model directory or an untrained built-in architecture
 * ({@link SyntheticModels}: {@code tiny}, {@code wall}), with the planner settings to serve it with and the manager
 * its arrays live in. Closing it frees the model and the manager.
 *
 * @param model         encoder, world model, frame size, action box and statistics
 * @param backendConfig chunk, default and largest search for this model
 * @param manager       the root manager of the model's arrays (and of a backend built on it)
 * @param untrained     whether the weights are an untrained built-in architecture (plans only good for timing)
 */
public record ServableModel(ServedModel model, ModelBackendConfig backendConfig, NDManager manager, boolean untrained)
        implements AutoCloseable {

    /** Seed of the built-in untrained models. */
    public static final long SYNTHETIC_SEED = 0L;

    /**
     * Opens {@code spec}: one of {@link SyntheticModels#names()}, or a model directory written by
     * {@code foresight train}.
     *
     * @throws IllegalArgumentException when {@code spec} is neither (the message says what was expected)
     */
    public static ServableModel open(String spec) throws Exception {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("--model: expected a model directory or one of "
                    + String.join(", ", SyntheticModels.names()) + ", got nothing");
        }
        NDManager manager = NDManager.newBaseManager();
        try {
            if (SyntheticModels.names().contains(spec) && !Files.isDirectory(Path.of(spec))) {
                ServedModel model = SyntheticModels.create(spec, SYNTHETIC_SEED, manager);
                ModelBackendConfig config = spec.equals("tiny") ? ModelBackendConfig.tiny() : ModelBackendConfig.defaults();
                return new ServableModel(model, config, manager, true);
            }
            return TrainedModels.open(Path.of(spec), manager);
        } catch (Exception | Error e) {
            manager.close();
            throw e;
        }
    }

    /** Closes the model, then the manager. */
    @Override
    public void close() {
        try {
            model.close();
        } finally {
            manager.close();
        }
    }
}
