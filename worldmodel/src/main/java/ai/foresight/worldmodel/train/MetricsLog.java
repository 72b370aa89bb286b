package ai.foresight.worldmodel.train;

import ai.foresight.datasets.store.AtomicFileWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Training metrics as JSON lines ({@code metrics.jsonl}), one object per line with at least {@code step}.
 * On resume, lines written after the checkpoint's step are dropped so the file never holds two histories.
 */
public final class MetricsLog implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BufferedWriter writer;

    /** Opens {@code file} for appending, first dropping every line whose step exceeds {@code keepThroughStep}. */
    public MetricsLog(Path file, long keepThroughStep) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (Files.exists(file)) {
            List<String> kept = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    JsonNode node = JSON.readTree(line);
                    if (node.path("step").asLong(Long.MAX_VALUE) <= keepThroughStep) {
                        kept.add(line);
                    }
                }
            }
            AtomicFileWriter.writeFile(file, tmp -> Files.write(tmp, kept, StandardCharsets.UTF_8));
        }
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Appends one line and flushes it. */
    public void append(Map<String, ?> record) {
        try {
            writer.write(JSON.writeValueAsString(record));
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("metrics: could not append a line", e);
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
