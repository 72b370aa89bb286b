package ai.foresight.server.http;

import ai.foresight.server.core.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Set;

/**
 * One JSON object of a request together with its path in the body, so that every error names the full field
 * ({@code goal.proprio}, {@code settings.horizon}). JSON {@code null} counts as absent.
 */
final class ObjectFields {

    private final ObjectNode node;
    private final String path;

    ObjectFields(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** Wraps {@code value} as an object at {@code path}. @throws ApiException 400 when it is not an object */
    static ObjectFields of(JsonNode value, String path) {
        if (!(value instanceof ObjectNode object)) {
            throw ApiException.badRequest("invalid_type", path, "expected a JSON object, got "
                    + JsonRequestReader.describe(value));
        }
        return new ObjectFields(object, path);
    }

    /** Rejects the first field not in {@code allowed}, naming it. */
    void allowOnly(Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiException.badRequest("unknown_field", pathOf(name), "unknown field; expected only "
                        + new java.util.TreeSet<>(allowed));
            }
        }
    }

    /** The field's value, or null when absent or JSON null. */
    JsonNode optional(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    /** The field's value. @throws ApiException 400 {@code missing_field} when absent */
    JsonNode required(String name, String expected) {
        JsonNode value = optional(name);
        if (value == null) {
            throw ApiException.badRequest("missing_field", pathOf(name), "required field missing; expected "
                    + expected);
        }
        return value;
    }

    boolean has(String name) {
        return optional(name) != null;
    }

    /** The full path of a field of this object. */
    String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
