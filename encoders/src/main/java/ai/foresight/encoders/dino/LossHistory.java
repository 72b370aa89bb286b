package ai.foresight.encoders.dino;

import ai.foresight.datasets.store.AtomicFileWriter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-step loss history as JSON Lines, one {@link DinoStepRecord} per line with snake_case keys,
 * appended and flushed each step. On resume, lines beyond the checkpoint are dropped so that the file
 * describes exactly one uninterrupted run.
 */
public final class LossHistory implements AutoCloseable {
    /** File name inside a pretraining output folder. */
    public static final String FILE = "loss_history.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private final List<DinoStepRecord> records;
    private final BufferedWriter writer;

    private LossHistory(List<DinoStepRecord> records, BufferedWriter writer) {
        this.records = records;
        this.writer = writer;
    }

    /** Opens {@code file} for appending, keeping only the records of steps before {@code resumeStep}. */
    public static LossHistory open(Path file, long resumeStep) throws IOException {
        List<DinoStepRecord> kept = new ArrayList<>();
        if (Files.exists(file)) {
            for (DinoStepRecord r : read(file)) {
                if (r.step() < resumeStep) {
                    kept.add(r);
                }
            }
        }
        StringBuilder text = new StringBuilder();
        for (DinoStepRecord r : kept) {
            text.append(JSON.writeValueAsString(r)).append('\n');
        }
        AtomicFileWriter.writeString(file, text.toString());
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return new LossHistory(kept, writer);
    }

    /** Every record in {@code file}. */
    public static List<DinoStepRecord> read(Path file) throws IOException {
        List<DinoStepRecord> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(JSON.readValue(line, DinoStepRecord.class));
            }
        }
        return out;
    }

    public void append(DinoStepRecord record) {
        try {
            writer.write(JSON.writeValueAsString(record));
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("loss history: could not append step " + record.step(), e);
        }
        records.add(record);
    }

    public List<DinoStepRecord> records() {
        return List.copyOf(records);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
