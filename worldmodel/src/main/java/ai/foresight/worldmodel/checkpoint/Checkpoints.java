package ai.foresight.worldmodel.checkpoint;

import ai.djl.ndarray.NDManager;
import ai.foresight.worldmodel.WorldModel;
import ai.foresight.worldmodel.WorldModelConfig;
import ai.foresight.worldmodel.train.TrainerConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checkpoint directories {@code step-000001234/} holding {@code provenance.json}, {@code model.params} and,
 * for training runs, {@code trainer.state}. A checkpoint is written into a temporary directory and renamed
 * into place in one atomic move, so a crash never leaves a half-written one under a final name.
 */
public final class Checkpoints {
    public static final String PROVENANCE = "provenance.json";
    public static final String MODEL = "model.params";
    public static final String TRAINER_STATE = "trainer.state";
    /** Trainer fields that may change on resume: they only set logging, evaluation and checkpoint cadence. */
    public static final Set<String> CADENCE_FIELDS =
            Set.of("logEvery", "evalEvery", "evalBatches", "checkpointEvery", "keepCheckpoints");
    private static final Pattern NAME = Pattern.compile("step-(\\d{9})");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Checkpoints() {}

    /** Writes extra binary state (optimiser moments, dual variable, step) into {@code trainer.state}. */
    @FunctionalInterface
    public interface StateWriter {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads what a {@link StateWriter} wrote. */
    @FunctionalInterface
    public interface StateReader {
        void read(DataInputStream in) throws IOException;
    }

    /**
     * Atomically writes checkpoint {@code step-<provenance.step>} under {@code dir}.
     *
     * @param trainerState writer of the trainer state, or null for a model-only checkpoint
     * @return the checkpoint directory
     */
    public static Path save(Path dir, Provenance provenance, WorldModel model, StateWriter trainerState) throws IOException {
        Files.createDirectories(dir);
        String name = String.format("step-%09d", provenance.step());
        Path tmp = Files.createTempDirectory(dir, ".tmp-" + name + "-");
        try {
            writeSynced(tmp.resolve(PROVENANCE), out -> out.write(JSON.writeValueAsBytes(provenance)));
            writeSynced(tmp.resolve(MODEL), model::save);
            if (trainerState != null) {
                writeSynced(tmp.resolve(TRAINER_STATE), trainerState);
            }
            Path target = dir.resolve(name);
            if (Files.exists(target)) {
                deleteRecursively(target);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException | RuntimeException e) {
            deleteRecursively(tmp);
            throw e;
        }
    }

    private static void writeSynced(Path file, StateWriter writer) throws IOException {
        try (FileOutputStream fos = new FileOutputStream(file.toFile());
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(fos))) {
            writer.write(out);
            out.flush();
            fos.getFD().sync();
        }
    }

    /** The newest complete checkpoint under {@code dir}, if any. */
    public static Optional<Path> latest(Path dir) throws IOException {
        List<Path> all = list(dir);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Complete checkpoints under {@code dir}, oldest first. */
    public static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.isRegularFile(p.resolve(PROVENANCE)) && Files.isRegularFile(p.resolve(MODEL)))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
    }

    /** Deletes all but the newest {@code keep} checkpoints. */
    public static void prune(Path dir, int keep) throws IOException {
        List<Path> all = new ArrayList<>(list(dir));
        for (int i = 0; i < all.size() - keep; i++) {
            deleteRecursively(all.get(i));
        }
    }

    public static Provenance readProvenance(Path checkpoint) throws IOException {
        return JSON.readValue(checkpoint.resolve(PROVENANCE).toFile(), Provenance.class);
    }

    /**
     * Refuses a checkpoint whose encoder, model config or (when {@code trainer} is given) non-cadence
     * trainer settings differ from this run's, naming the first differing field.
     *
     * @throws IncompatibleCheckpointException on the first difference
     */
    public static void checkCompatible(Path checkpoint, Provenance found, WorldModelConfig model, String encoderId,
            TrainerConfig trainer) {
        if (!String.valueOf(found.encoderId()).equals(String.valueOf(encoderId))) {
            throw new IncompatibleCheckpointException(checkpoint, "encoderId", quote(found.encoderId()), quote(encoderId));
        }
        compare(checkpoint, "model", JSON.valueToTree(found.model()), JSON.valueToTree(model), Set.of());
        if (trainer != null) {
            if (found.trainer() == null) {
                throw new IncompatibleCheckpointException(checkpoint, "trainer", "absent (a model-only checkpoint)", "set");
            }
            compare(checkpoint, "trainer", JSON.valueToTree(found.trainer()), JSON.valueToTree(trainer), CADENCE_FIELDS);
        }
    }

    private static void compare(Path checkpoint, String path, JsonNode found, JsonNode expected, Set<String> ignored) {
        if (found.isObject() && expected.isObject()) {
            Iterator<String> names = expected.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!ignored.contains(name)) {
                    JsonNode inFound = found.has(name) ? found.get(name) : JSON.nullNode();
                    compare(checkpoint, path + "." + name, inFound, expected.get(name), Set.of());
                }
            }
            Iterator<String> extra = found.fieldNames();
            while (extra.hasNext()) {
                String name = extra.next();
                if (!expected.has(name) && !ignored.contains(name)) {
                    throw new IncompatibleCheckpointException(checkpoint, path + "." + name, found.get(name).toString(), "absent");
                }
            }
        } else if (!found.equals(expected)) {
            throw new IncompatibleCheckpointException(checkpoint, path, found.toString(), expected.toString());
        }
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }

    /** Loads a model for inference with the config stored in the checkpoint, refusing another encoder. */
    public static WorldModel loadModel(Path checkpoint, String encoderId, NDManager manager) throws IOException {
        Provenance p = readProvenance(checkpoint);
        return loadModel(checkpoint, p.model(), encoderId, manager);
    }

    /** Loads a model, refusing a checkpoint made for another config or encoder. */
    public static WorldModel loadModel(Path checkpoint, WorldModelConfig expected, String encoderId, NDManager manager)
            throws IOException {
        Provenance p = readProvenance(checkpoint);
        checkCompatible(checkpoint, p, expected, encoderId, null);
        WorldModel model = WorldModel.create(expected, 0, manager);
        try {
            readModel(checkpoint, model);
            return model;
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Replaces {@code model}'s parameters with the checkpoint's (no compatibility check: call it first). */
    public static void readModel(Path checkpoint, WorldModel model) throws IOException {
        read(checkpoint.resolve(MODEL), model::load);
    }

    /** Reads {@code trainer.state} with {@code reader}. */
    public static void readTrainerState(Path checkpoint, StateReader reader) throws IOException {
        Path file = checkpoint.resolve(TRAINER_STATE);
        if (!Files.isRegularFile(file)) {
            throw new IOException("checkpoint " + checkpoint + ": expected " + TRAINER_STATE + " (a training checkpoint), found none");
        }
        read(file, reader);
    }

    private static void read(Path file, StateReader reader) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            reader.read(in);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
