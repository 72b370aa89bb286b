package ai.foresight.experiments.pipeline;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.foresight.datasets.env.Env;
import ai.foresight.datasets.worlds.Worlds;
import ai.foresight.encoders.PatchEncoder;
import ai.foresight.encoders.catalog.Encoders;
import ai.foresight.encoders.vit.VitPatchEncoder;
import ai.foresight.planner.agent.AgentConfig;
import ai.foresight.planner.agent.GoalReachingAgent;
import ai.foresight.worldmodel.WorldModel;
import ai.foresight.worldmodel.checkpoint.Checkpoints;
import ai.foresight.worldmodel.data.DataNormalization;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A trained model directory opened for use: the frozen encoder, the world model, the data normalisation and
 * the world it was trained on, in one call. Servers, notebooks and {@code foresight eval} start here.
 *
 * <pre>{@code
 * try (TrainedModel m = TrainedModel.load(Path.of("runs/wall-model"), manager);
 *      GoalReachingAgent agent = m.agent(AgentConfig.defaults())) {
 *     Env env = m.newEnv();
 *     Observation obs = env.reset(7);
 *     agent.reset(env.goalObservation());
 *     double[][] actions = agent.act(obs);
 * }
 * }</pre>
 *
 * <p>Closing it frees the model's parameters and the encoder.
 */
public final class TrainedModel implements AutoCloseable {
    /** The manifest file of a model directory. */
    public static final String MANIFEST = "model.json";
    /** Where a copy of the encoder goes inside a model directory. */
    public static final String ENCODER_DIR = "encoder";
    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path directory;
    private final ModelManifest manifest;
    private final PatchEncoder encoder;
    private final WorldModel worldModel;

    private TrainedModel(Path directory, ModelManifest manifest, PatchEncoder encoder, WorldModel worldModel) {
        this.directory = directory;
        this.manifest = manifest;
        this.encoder = encoder;
        this.worldModel = worldModel;
    }

    /**
     * Opens the model directory {@code dir}: reads {@value #MANIFEST}, loads the encoder (its copy in the
     * directory, or by name) and checks its id against the one the model was trained on, then loads the world
     * model's checkpoint into a sub-manager of {@code manager}.
     *
     * @throws IOException naming the file when something is missing, unreadable or does not match
     */
    public static TrainedModel load(Path dir, NDManager manager) throws IOException {
        ModelManifest manifest = readManifest(dir);
        PatchEncoder encoder = manifest.encoderDir() != null
                ? VitPatchEncoder.load(dir.resolve(manifest.encoderDir()), Device.cpu())
                : Encoders.load(manifest.encoderName());
        try {
            if (!encoder.id().equals(manifest.encoderId())) {
                throw new IOException(dir.resolve(MANIFEST) + ": encoder_id: expected " + manifest.encoderId()
                        + " (what the model was trained on), but '" + manifest.encoderName() + "' is " + encoder.id());
            }
            Path checkpoint = dir.resolve(manifest.checkpoint());
            WorldModel model = Checkpoints.loadModel(checkpoint, manifest.encoderId(), manager);
            return new TrainedModel(dir, manifest, encoder, model);
        } catch (IOException | RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    /** Reads and validates {@code dir/model.json}. */
    public static ModelManifest readManifest(Path dir) throws IOException {
        Path file = dir.resolve(MANIFEST);
        try {
            return JSON.readValue(Files.readAllBytes(file), ModelManifest.class);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file + " (not a model directory: train one with 'foresight train')");
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(file + ": not a valid model manifest: " + e.getMessage(), e);
        }
    }

    public Path directory() {
        return directory;
    }

    public ModelManifest manifest() {
        return manifest;
    }

    public PatchEncoder encoder() {
        return encoder;
    }

    public WorldModel worldModel() {
        return worldModel;
    }

    public DataNormalization normalization() {
        return manifest.normalization();
    }

    /** The world id the model was trained on. */
    public String world() {
        return manifest.world();
    }

    /** A fresh simulator of the model's world at the data's frame size. */
    public Env newEnv() {
        return Worlds.create(manifest.world(), manifest.frameSize());
    }

    /** A goal-reaching agent planning with this model inside the world's action bounds (close it after use). */
    public GoalReachingAgent agent(AgentConfig config) {
        return new GoalReachingAgent(encoder, worldModel, manifest.normalization(), manifest.actionLow(), manifest.actionHigh(), config);
    }

    /**
     * Throws unless {@code member} can plan beside this model in an ensemble: the same world, encoder and data
     * statistics (trained alike, on the same data, with another seed). The planner's
     * {@link ai.foresight.planner.agent.EnsembleRollout} checks the rest (feature mode, predictor shapes).
     *
     * @throws IllegalArgumentException naming the member's directory and the field that differs
     */
    public void checkEnsembleMember(TrainedModel member) {
        String where = member.directory() + ": ";
        if (!member.world().equals(world())) {
            throw new IllegalArgumentException(where + "world: expected '" + world() + "' like " + directory + ", got '" + member.world() + "'");
        }
        if (!member.manifest().encoderId().equals(manifest.encoderId())) {
            throw new IllegalArgumentException(where + "encoder_id: expected " + manifest.encoderId() + " (the encoder of " + directory
                    + "), got " + member.manifest().encoderId());
        }
        if (!member.normalization().equals(normalization())) {
            throw new IllegalArgumentException(where + "normalization: expected the statistics of " + directory
                    + " (train ensemble members on the same data), got different ones");
        }
    }

    @Override
    public void close() {
        worldModel.close();
        encoder.close();
    }
}
