package ai.foresight.server.core;

import ai.foresight.server.spi.ModelInfo;
import ai.foresight.server.spi.PlannerLimits;
import ai.foresight.server.spi.PlannerSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model as clients see it, as plain maps and lists with snake_case keys, so that the JSON route
 * {@code GET /v1/model} and the WebSocket metadata message describe it identically.
 */
public final class ModelDescription {

    private ModelDescription() {
    }

    /** The description: image size, action space, timing, planner defaults and limits. */
    public static Map<String, Object> of(ModelInfo info) {
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("height", info.imageHeight());
        image.put("width", info.imageWidth());
        image.put("channels", 3);
        image.put("dtype", "uint8");
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("dim", info.actionDim());
        action.put("low", floats(info.actionLow()));
        action.put("high", floats(info.actionHigh()));
        Map<String, Object> planner = new LinkedHashMap<>();
        planner.put("defaults", settings(info.defaults()));
        planner.put("limits", limits(info.limits()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model_id", info.modelId());
        out.put("image", image);
        out.put("action", action);
        out.put("frameskip", info.frameskip());
        out.put("chunk_size", info.chunkSize());
        out.put("proprio_dim", info.proprioDim());
        out.put("planner", planner);
        return out;
    }

    /** Settings as a map with keys horizon, samples, iterations, elites. */
    public static Map<String, Object> settings(PlannerSettings s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("horizon", s.horizon());
        out.put("samples", s.samples());
        out.put("iterations", s.iterations());
        out.put("elites", s.elites());
        return out;
    }

    private static Map<String, Object> limits(PlannerLimits l) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("max_horizon", l.maxHorizon());
        out.put("max_samples", l.maxSamples());
        out.put("max_iterations", l.maxIterations());
        out.put("max_elites", l.maxElites());
        return out;
    }

    private static List<Double> floats(float[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (float v : values) {
            out.add((double) v);
        }
        return out;
    }
}
