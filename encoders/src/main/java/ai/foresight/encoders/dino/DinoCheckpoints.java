package ai.foresight.encoders.dino;

import ai.foresight.datasets.store.AtomicFileWriter;
import ai.foresight.encoders.BlockWeights;
import ai.foresight.encoders.Provenance;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * DINO checkpoints: a folder {@code checkpoints/step-NNNNNN} per checkpoint with the student and
 * teacher weights, the AdamW moments, the loss center, {@code state.json} (step and config) and
 * {@code provenance.json}. A checkpoint is written into a temporary folder that is renamed into place
 * only when complete, so a crash never leaves a half-written checkpoint that looks valid.
 */
public final class DinoCheckpoints {
    /** Sub-folder of a run's output folder holding the checkpoints. */
    public static final String DIR = "checkpoints";
    private static final Pattern NAME = Pattern.compile("step-(\\d{6,})");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DinoCheckpoints() {}

    /** Writes the state of {@code training} and keeps the newest {@code keepCheckpoints}. */
    static Path save(Path outDir, DinoTraining training) throws IOException {
        Path root = outDir.resolve(DIR);
        Files.createDirectories(root);
        Path finalDir = root.resolve(String.format("step-%06d", training.stepsDone));
        Path tmp = Files.createTempDirectory(root, ".writing-");
        try {
            writeBinary(tmp.resolve("student.params"), out -> BlockWeights.save(training.student, out));
            writeBinary(tmp.resolve("teacher.params"), out -> BlockWeights.save(training.teacher, out));
            writeBinary(tmp.resolve("optimizer.bin"), training.optimizer::save);
            writeBinary(tmp.resolve("center.bin"), training.loss::save);
            ObjectNode state = JSON.createObjectNode();
            state.put("steps_done", training.stepsDone);
            state.set("config", JSON.valueToTree(training.config));
            Files.writeString(tmp.resolve("state.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state));
            Files.writeString(tmp.resolve("provenance.json"), JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(Provenance.capture("dino-pretrainer", training.config, training.config.seed())));
            if (Files.exists(finalDir)) {
                deleteTree(finalDir);
            }
            AtomicFileWriter.move(tmp, finalDir);
        } finally {
            if (Files.exists(tmp)) {
                deleteTree(tmp);
            }
        }
        prune(root, training.config.keepCheckpoints());
        return finalDir;
    }

    /** The newest complete checkpoint under {@code outDir}, if any. */
    public static Optional<Path> latest(Path outDir) throws IOException {
        return list(outDir.resolve(DIR)).stream().reduce((a, b) -> b);
    }

    /**
     * Loads {@code checkpoint} into {@code training}.
     *
     * @throws IllegalArgumentException if the checkpoint was written with another config
     */
    static void load(Path checkpoint, DinoTraining training) throws IOException {
        JsonNode state = JSON.readTree(checkpoint.resolve("state.json").toFile());
        JsonNode saved = state.get("config");
        JsonNode wanted = JSON.readTree(JSON.writeValueAsString(training.config)); // same number types as the file
        if (!wanted.equals(saved)) {
            List<String> fields = new ArrayList<>();
            for (Iterator<String> it = wanted.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (saved == null || !wanted.get(f).equals(saved.get(f))) {
                    fields.add(f);
                }
            }
            throw new IllegalArgumentException("checkpoint " + checkpoint + ": written with a different config (fields "
                    + fields + "); resume with the same config or use a new output folder");
        }
        Path student = checkpoint.resolve("student.params");
        Path teacher = checkpoint.resolve("teacher.params");
        read(student, in -> BlockWeights.load(training.student, training.manager, in, student.toString()));
        read(teacher, in -> BlockWeights.load(training.teacher, training.manager, in, teacher.toString()));
        read(checkpoint.resolve("optimizer.bin"), training.optimizer::load);
        read(checkpoint.resolve("center.bin"), training.loss::load);
        training.stepsDone = state.get("steps_done").asLong();
    }

    private static List<Path> list(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> NAME.matcher(p.getFileName().toString()).matches() && Files.isDirectory(p))
                    .sorted(Comparator.comparingLong(DinoCheckpoints::stepOf)).toList();
        }
    }

    private static long stepOf(Path p) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    private static void prune(Path root, int keep) throws IOException {
        List<Path> all = list(root);
        for (int i = 0; i < all.size() - keep; i++) {
            deleteTree(all.get(i));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private interface BinaryWriter {
        void write(DataOutputStream out) throws IOException;
    }

    private interface BinaryReader {
        void read(DataInputStream in) throws IOException;
    }

    private static void writeBinary(Path file, BinaryWriter writer) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                DataOutputStream data = new DataOutputStream(out)) {
            writer.write(data);
        }
    }

    private static void read(Path file, BinaryReader reader) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            reader.read(new DataInputStream(in));
        }
    }
}
