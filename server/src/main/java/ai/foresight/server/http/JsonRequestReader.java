package ai.foresight.server.http;

import ai.foresight.datasets.image.Frame;
import ai.foresight.server.codec.FiniteVectors;
import ai.foresight.server.codec.FrameDecoder;
import ai.foresight.server.core.ApiException;
import ai.foresight.server.core.PlanRequest;
import ai.foresight.server.core.SettingsOverrides;
import ai.foresight.server.spi.ModelInfo;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Base64;
import java.util.Set;

/**
 * Reads the JSON bodies of the HTTP API strictly: unknown fields, duplicate keys, trailing garbage, wrong types,
 * malformed base64, NaN and infinities are all rejected with a 400 naming the field. NaN and Infinity literals are
 * parsed (Python's {@code json.dumps} writes them) only so that the error can say which element held them.
 */
public final class JsonRequestReader {

    static final Set<String> PLAN_FIELDS = Set.of("image", "proprio", "goal", "goal_id", "session_id", "settings",
            "reset");
    static final Set<String> OBSERVATION_FIELDS = Set.of("image", "proprio");
    static final Set<String> RAW_IMAGE_FIELDS = Set.of("data", "shape", "dtype");
    private static final String IMAGE_EXPECTED = "a base64 PNG/JPEG string or {\"data\": base64, \"shape\": [H, W, 3],"
            + " \"dtype\": \"uint8\"}";

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final ModelInfo info;
    private final FrameDecoder frames;

    /** A plan request and the session it names (null for none). */
    public record ParsedPlan(PlanRequest request, String sessionId) {
    }

    /** A goal observation to register. */
    public record GoalObservation(Frame frame, float[] proprio) {
    }

    public JsonRequestReader(ModelInfo info) {
        this.info = info;
        this.frames = new FrameDecoder(info.imageHeight(), info.imageWidth());
    }

    /** Parses a body that must be one JSON object; an empty body reads as {@code {}} when {@code emptyAllowed}. */
    public ObjectFields parseObject(byte[] body, boolean emptyAllowed) {
        if (body.length == 0 && emptyAllowed) {
            return new ObjectFields(mapper.createObjectNode(), "");
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw ApiException.badRequest("malformed_json", "body", "expected a JSON object; " + e.getOriginalMessage()
                    + where);
        } catch (IOException e) {
            throw ApiException.badRequest("malformed_json", "body", "expected a JSON object");
        }
        if (root == null || root.isMissingNode()) {
            throw ApiException.badRequest("malformed_json", "body", "expected a JSON object, got an empty body");
        }
        if (!root.isObject()) {
            throw ApiException.badRequest("invalid_type", "body", "expected a JSON object, got " + describe(root));
        }
        return new ObjectFields((ObjectNode) root, "");
    }

    /** Reads {@code POST /v1/plan}. */
    public ParsedPlan readPlan(ObjectFields body) {
        body.allowOnly(PLAN_FIELDS);
        Frame observation = readImage(body.required("image", IMAGE_EXPECTED), body.pathOf("image"));
        float[] proprio = readProprio(body, "proprio");
        JsonNode goalNode = body.optional("goal");
        JsonNode goalIdNode = body.optional("goal_id");
        if (goalNode != null && goalIdNode != null) {
            throw ApiException.badRequest("conflicting_fields", "goal_id", "expected either goal or goal_id, not both");
        }
        if (goalNode == null && goalIdNode == null) {
            throw ApiException.badRequest("missing_field", "goal", "required field missing; expected goal {image, "
                    + "proprio} or goal_id (from POST /v1/goals)");
        }
        String goalId = goalIdNode == null ? null : readId(goalIdNode, "goal_id");
        Frame goalFrame = null;
        float[] goalProprio = new float[0];
        if (goalNode != null) {
            GoalObservation goal = readObservation(ObjectFields.of(goalNode, "goal"));
            goalFrame = goal.frame();
            goalProprio = goal.proprio();
        }
        String sessionId = body.has("session_id") ? readId(body.optional("session_id"), "session_id") : null;
        SettingsOverrides settings = body.has("settings")
                ? readSettings(ObjectFields.of(body.optional("settings"), "settings")) : SettingsOverrides.NONE;
        boolean reset = false;
        if (body.has("reset")) {
            JsonNode resetNode = body.optional("reset");
            if (!resetNode.isBoolean()) {
                throw ApiException.badRequest("invalid_type", "reset", "expected true or false, got "
                        + describe(resetNode));
            }
            reset = resetNode.booleanValue();
        }
        return new ParsedPlan(new PlanRequest(observation, proprio, goalId, goalFrame, goalProprio, settings, reset),
                sessionId);
    }

    /** Reads an observation object {@code {"image", "proprio"}} (the body of {@code POST /v1/goals}, or a goal). */
    public GoalObservation readObservation(ObjectFields fields) {
        fields.allowOnly(OBSERVATION_FIELDS);
        Frame frame = readImage(fields.required("image", IMAGE_EXPECTED), fields.pathOf("image"));
        return new GoalObservation(frame, readProprio(fields, "proprio"));
    }

    private Frame readImage(JsonNode node, String path) {
        if (node.isTextual()) {
            String text = node.textValue();
            if (text.startsWith("data:")) {
                int comma = text.indexOf(',');
                if (comma < 0 || !text.substring(0, comma).endsWith(";base64")) {
                    throw ApiException.badRequest("invalid_base64", path, "expected a data URL of the form "
                            + "data:image/png;base64,<data>");
                }
                text = text.substring(comma + 1);
            }
            return frames.decodeEncoded(base64(text, path), path);
        }
        if (node.isObject()) {
            ObjectFields raw = ObjectFields.of(node, path);
            raw.allowOnly(RAW_IMAGE_FIELDS);
            JsonNode data = raw.required("data", "base64 of the raw bytes");
            if (!data.isTextual()) {
                throw ApiException.badRequest("invalid_type", raw.pathOf("data"), "expected a base64 string, got "
                        + describe(data));
            }
            long[] shape = readShape(raw.required("shape", "[H, W, 3]"), raw.pathOf("shape"));
            String dtype = "uint8";
            if (raw.has("dtype")) {
                JsonNode dtypeNode = raw.optional("dtype");
                if (!dtypeNode.isTextual()) {
                    throw ApiException.badRequest("invalid_dtype", raw.pathOf("dtype"), "expected a string such as "
                            + "\"uint8\", got " + describe(dtypeNode));
                }
                dtype = dtypeNode.textValue();
            }
            return frames.decodeRaw(base64(data.textValue(), raw.pathOf("data")), shape, dtype, path);
        }
        throw ApiException.badRequest("invalid_type", path, "expected " + IMAGE_EXPECTED + ", got " + describe(node));
    }

    private static long[] readShape(JsonNode node, String path) {
        if (!node.isArray()) {
            throw ApiException.badRequest("invalid_shape", path, "expected an array [H, W, 3], got " + describe(node));
        }
        long[] shape = new long[node.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode dim = node.get(i);
            if (!dim.isNumber() || !dim.canConvertToExactIntegral() || !dim.canConvertToLong() || dim.longValue() < 0) {
                throw ApiException.badRequest("invalid_shape", path + "[" + i + "]", "expected a non-negative integer, got "
                        + describe(dim));
            }
            shape[i] = dim.longValue();
        }
        return shape;
    }

    private float[] readProprio(ObjectFields fields, String name) {
        String path = fields.pathOf(name);
        JsonNode node = fields.optional(name);
        if (node == null) {
            if (info.proprioDim() == 0) {
                return new float[0];
            }
            throw ApiException.badRequest("missing_field", path, "required field missing; expected " + info.proprioDim()
                    + " numbers");
        }
        if (!node.isArray()) {
            throw ApiException.badRequest("invalid_type", path, "expected an array of " + info.proprioDim()
                    + " numbers, got " + describe(node));
        }
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode element = node.get(i);
            if (!element.isNumber()) {
                throw ApiException.badRequest("invalid_type", path + "[" + i + "]", "expected a number, got "
                        + describe(element));
            }
            values[i] = element.doubleValue();
        }
        return FiniteVectors.toFloats(values, path, info.proprioDim());
    }

    private static SettingsOverrides readSettings(ObjectFields fields) {
        fields.allowOnly(Set.copyOf(SettingsOverrides.FIELDS));
        return new SettingsOverrides(readPositive(fields, "horizon"), readPositive(fields, "samples"),
                readPositive(fields, "iterations"), readPositive(fields, "elites"));
    }

    /** A positive integer setting; values beyond the int range saturate (they are clamped to the limits anyway). */
    private static Integer readPositive(ObjectFields fields, String name) {
        JsonNode node = fields.optional(name);
        if (node == null) {
            return null;
        }
        if (!node.isNumber() || !node.canConvertToExactIntegral() || node.bigIntegerValue().signum() <= 0) {
            throw ApiException.badRequest("invalid_setting", fields.pathOf(name), "expected a positive integer, got "
                    + describe(node));
        }
        return node.canConvertToInt() ? node.intValue() : Integer.MAX_VALUE;
    }

    private static String readId(JsonNode node, String path) {
        if (!node.isTextual() || node.textValue().isBlank() || node.textValue().length() > 128) {
            throw ApiException.badRequest("invalid_type", path, "expected an id string (1..128 characters), got "
                    + describe(node));
        }
        return node.textValue();
    }

    private static byte[] base64(String text, String path) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_base64", path, "expected standard base64 (RFC 4648, no line breaks); "
                    + e.getMessage());
        }
    }

    /** A short description of a JSON value for error messages; never echoes long client content. */
    static String describe(JsonNode node) {
        if (node == null) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case NUMBER -> node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())
                    ? String.valueOf(node.doubleValue()) : "the number " + truncate(node.asText());
            case STRING -> "a string";
            case BOOLEAN -> node.asText();
            case ARRAY -> "an array of " + node.size();
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase();
        };
    }

    private static String truncate(String text) {
        return text.length() <= 32 ? text : text.substring(0, 32) + "...";
    }
}
