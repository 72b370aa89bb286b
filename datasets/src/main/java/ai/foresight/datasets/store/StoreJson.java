package ai.foresight.datasets.store;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;

/**
 * The JSON form of the store's metadata ({@code dataset.json}, the generator's progress marker):
 * snake_case keys, record components in declaration order, pretty-printed, no timestamps, so equal
 * values give equal bytes.
 */
public final class StoreJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();
    /** Objects indented, arrays of numbers and strings kept on one line. */
    private static final ObjectWriter WRITER = MAPPER.writer(
            new DefaultPrettyPrinter().withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance));

    private StoreJson() {}

    /** UTF-8 JSON of {@code value}, ending with a newline. */
    public static byte[] toBytes(Object value) {
        try {
            return (WRITER.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses {@code bytes} as a {@code type}.
     *
     * @param file file name for error messages
     * @throws CorruptDatasetException naming the file and the JSON path of the bad field
     */
    public static <T> T read(byte[] bytes, Class<T> type, String file) throws CorruptDatasetException {
        try {
            return MAPPER.readValue(bytes, type);
        } catch (JsonMappingException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String problem = root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
            throw new CorruptDatasetException(file, path(e), problem, e);
        } catch (java.io.IOException e) {
            throw new CorruptDatasetException(file, "json", "not valid JSON: " + e.getMessage(), e);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (s.length() > 0) {
                    s.append('.');
                }
                s.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.length() == 0 ? "(document)" : s.toString();
    }
}
