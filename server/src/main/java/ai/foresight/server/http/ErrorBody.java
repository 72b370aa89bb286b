package ai.foresight.server.http;

import ai.foresight.server.core.ApiException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders the one error shape every rejection uses: {@code {"error": {"code", "field", "message"}}}. */
public final class ErrorBody {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ErrorBody() {
    }

    /** The JSON text for an error; {@code field} is null when no single field is at fault. */
    public static String json(String code, String field, String message) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        if (field == null) {
            error.putNull("field");
        } else {
            error.put("field", field);
        }
        error.put("message", message);
        return root.toString();
    }

    public static String json(ApiException e) {
        return json(e.code(), e.field(), e.getMessage());
    }
}
