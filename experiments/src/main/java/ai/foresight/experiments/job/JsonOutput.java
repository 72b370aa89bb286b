package ai.foresight.experiments.job;

import ai.foresight.datasets.store.AtomicFileWriter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** JSON as jobs emit it: one compact line for stdout, pretty files written atomically. */
public final class JsonOutput {
    private static final ObjectMapper COMPACT = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() {}

    /** {@code value} as a single line of JSON. */
    public static String line(Object value) {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code value} as indented JSON to {@code file} through a temporary sibling and a rename,
     * so a reader never sees half a file.
     */
    public static void write(Path file, Object value) throws IOException {
        AtomicFileWriter.writeFile(file, tmp -> PRETTY.writeValue(tmp.toFile(), value));
    }
}
