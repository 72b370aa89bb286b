package ai.foresight.server.ws;

import ai.foresight.datasets.image.Frame;
import ai.foresight.server.codec.FiniteVectors;
import ai.foresight.server.codec.FrameDecoder;
import ai.foresight.server.core.ApiException;
import ai.foresight.server.core.PlanRequest;
import ai.foresight.server.core.SettingsOverrides;
import ai.foresight.server.spi.ModelInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an observation dict sent over the WebSocket. Accepted keys (anything else is rejected by name):
 *
 * <ul>
 *   <li>image, required, one of {@code image}, {@code observation/image}: a (H, W, 3) ndarray of {@code |u1}
 *       (or {@code <f4} in [0, 1]), or bin/bytes holding a PNG or JPEG file;</li>
 *   <li>proprioception, one of {@code state}, {@code proprio}, {@code observation/state},
 *       {@code observation/proprio}: a 1-D ndarray or a list of P numbers (required when P > 0);</li>
 *   <li>goal, exactly one of: {@code goal_id} (str, from {@code POST /v1/goals}); {@code goal}, a map with
 *       {@code image} and {@code state}/{@code proprio}; or the flat keys {@code goal/image} with
 *       {@code goal/state} or {@code goal/proprio};</li>
 *   <li>{@code settings}: optional map of positive ints {@code horizon}, {@code samples}, {@code iterations},
 *       {@code elites};</li>
 *   <li>{@code reset}: optional bool, drop the connection's warm start first (new episode);</li>
 *   <li>{@code prompt}: accepted and ignored (openpi clients send a language prompt; this model is goal-conditioned).</li>
 * </ul>
 */
public final class ObservationReader {

    static final List<String> IMAGE_KEYS = List.of("image", "observation/image");
    static final List<String> PROPRIO_KEYS = List.of("state", "proprio", "observation/state", "observation/proprio");
    static final List<String> GOAL_PROPRIO_KEYS = List.of("goal/state", "goal/proprio");
    static final Set<String> IGNORED_KEYS = Set.of("prompt");
    private static final Set<String> OTHER_KEYS = Set.of("goal_id", "goal", "goal/image", "goal/state",
            "goal/proprio", "settings", "reset");
    private static final Set<String> NESTED_GOAL_KEYS = Set.of("image", "state", "proprio");

    private final ModelInfo info;
    private final FrameDecoder frames;

    public ObservationReader(ModelInfo info) {
        this.info = info;
        this.frames = new FrameDecoder(info.imageHeight(), info.imageWidth());
    }

    /** Reads one observation message. @throws ApiException 400 naming the key at fault */
    public PlanRequest read(Map<String, Object> message) {
        for (String key : message.keySet()) {
            if (!IMAGE_KEYS.contains(key) && !PROPRIO_KEYS.contains(key) && !OTHER_KEYS.contains(key)
                    && !IGNORED_KEYS.contains(key)) {
                throw ApiException.badRequest("unknown_field", key, "unknown key; expected image|observation/image, "
                        + "state|proprio|observation/state|observation/proprio, goal_id|goal|goal/image+goal/state, "
                        + "settings, reset, prompt");
            }
        }
        String imageKey = onlyOne(message, IMAGE_KEYS, true);
        Frame observation = frame(message.get(imageKey), imageKey);
        float[] proprio = proprio(message, onlyOne(message, PROPRIO_KEYS, false));

        boolean byId = message.containsKey("goal_id");
        boolean nested = message.containsKey("goal");
        boolean flat = message.containsKey("goal/image");
        int goals = (byId ? 1 : 0) + (nested ? 1 : 0) + (flat ? 1 : 0);
        if (goals != 1) {
            throw ApiException.badRequest(goals == 0 ? "missing_field" : "conflicting_fields", "goal_id",
                    "expected exactly one goal: goal_id, goal {image, state} or goal/image + goal/state");
        }
        String goalId = null;
        Frame goalFrame = null;
        float[] goalProprio = new float[0];
        if (byId) {
            if (!(message.get("goal_id") instanceof String id) || id.isBlank() || id.length() > 128) {
                throw ApiException.badRequest("invalid_type", "goal_id", "expected an id string (1..128 characters)");
            }
            goalId = id;
        } else if (nested) {
            if (!(message.get("goal") instanceof Map<?, ?> goal)) {
                throw ApiException.badRequest("invalid_type", "goal", "expected a map {image, state}");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> goalMap = (Map<String, Object>) goal;
            for (String key : goalMap.keySet()) {
                if (!NESTED_GOAL_KEYS.contains(key)) {
                    throw ApiException.badRequest("unknown_field", "goal." + key, "unknown key; expected image and "
                            + "state or proprio");
                }
            }
            if (!goalMap.containsKey("image")) {
                throw ApiException.badRequest("missing_field", "goal.image", "required key missing");
            }
            goalFrame = frame(goalMap.get("image"), "goal.image");
            String key = onlyOne(goalMap, List.of("state", "proprio"), false);
            goalProprio = proprio(goalMap, key, key == null ? "goal.state" : "goal." + key);
        } else {
            goalFrame = frame(message.get("goal/image"), "goal/image");
            goalProprio = proprio(message, onlyOne(message, GOAL_PROPRIO_KEYS, false));
        }
        if (!flat && (message.containsKey("goal/state") || message.containsKey("goal/proprio"))) {
            throw ApiException.badRequest("conflicting_fields", message.containsKey("goal/state") ? "goal/state"
                    : "goal/proprio", "expected goal/image together with this key");
        }
        return new PlanRequest(observation, proprio, goalId, goalFrame, goalProprio, settings(message.get("settings")),
                reset(message.get("reset")));
    }

    private Frame frame(Object value, String key) {
        if (value instanceof NdArray array) {
            return frames.decodeRaw(array.data(), array.shape(), array.dtype(), key);
        }
        if (value instanceof byte[] encoded) {
            return frames.decodeEncoded(encoded, key);
        }
        throw ApiException.badRequest("invalid_type", key, "expected a (" + info.imageHeight() + ", "
                + info.imageWidth() + ", 3) uint8 ndarray or PNG/JPEG bytes, got " + describe(value));
    }

    private float[] proprio(Map<String, Object> message, String key) {
        return proprio(message, key, key == null ? PROPRIO_KEYS.get(0) : key);
    }

    private float[] proprio(Map<String, Object> message, String key, String field) {
        if (key == null) {
            if (info.proprioDim() == 0) {
                return new float[0];
            }
            throw ApiException.badRequest("missing_field", field, "required key missing; expected " + info.proprioDim()
                    + " numbers");
        }
        Object value = message.get(key);
        double[] values;
        if (value instanceof NdArray array) {
            if (array.shape().length != 1) {
                throw ApiException.badRequest("invalid_shape", field + ".shape", "expected a 1-D array of "
                        + info.proprioDim() + ", got shape " + java.util.Arrays.toString(array.shape()));
            }
            values = array.toDoubles(field);
        } else if (value instanceof List<?> list) {
            values = new double[list.size()];
            for (int i = 0; i < values.length; i++) {
                if (!(list.get(i) instanceof Number n)) {
                    throw ApiException.badRequest("invalid_type", field + "[" + i + "]", "expected a number, got "
                            + describe(list.get(i)));
                }
                values[i] = n.doubleValue();
            }
        } else {
            throw ApiException.badRequest("invalid_type", field, "expected a 1-D ndarray or a list of numbers, got "
                    + describe(value));
        }
        return FiniteVectors.toFloats(values, field, info.proprioDim());
    }

    private static SettingsOverrides settings(Object value) {
        if (value == null) {
            return SettingsOverrides.NONE;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw ApiException.badRequest("invalid_type", "settings", "expected a map, got " + describe(value));
        }
        for (Object key : map.keySet()) {
            if (!SettingsOverrides.FIELDS.contains(key)) {
                throw ApiException.badRequest("unknown_field", "settings." + key, "unknown setting; expected "
                        + SettingsOverrides.FIELDS);
            }
        }
        return new SettingsOverrides(positive(map, "horizon"), positive(map, "samples"), positive(map, "iterations"),
                positive(map, "elites"));
    }

    private static Integer positive(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Long l) || l < 1) {
            throw ApiException.badRequest("invalid_setting", "settings." + key, "expected a positive integer, got "
                    + describe(value));
        }
        return (int) Math.min(l, Integer.MAX_VALUE);
    }

    private static boolean reset(Object value) {
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean b)) {
            throw ApiException.badRequest("invalid_type", "reset", "expected a bool, got " + describe(value));
        }
        return b;
    }

    /** The one key of {@code aliases} present; null when none and not required. */
    private static String onlyOne(Map<String, Object> message, List<String> aliases, boolean required) {
        String found = null;
        for (String alias : aliases) {
            if (message.containsKey(alias)) {
                if (found != null) {
                    throw ApiException.badRequest("conflicting_fields", alias, "expected only one of " + aliases
                            + ", got both " + found + " and " + alias);
                }
                found = alias;
            }
        }
        if (found == null && required) {
            throw ApiException.badRequest("missing_field", aliases.get(0), "required key missing; expected one of "
                    + aliases);
        }
        return found;
    }

    static String describe(Object value) {
        if (value == null) {
            return "nil";
        }
        if (value instanceof NdArray array) {
            return array.toString();
        }
        if (value instanceof byte[] bytes) {
            return bytes.length + " bytes";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof List<?> list) {
            return "a list of " + list.size();
        }
        if (value instanceof Map<?, ?>) {
            return "a map";
        }
        return value.getClass().getSimpleName().toLowerCase() + " " + value;
    }
}
