package ai.foresight.server;

import ai.foresight.datasets.image.Frame;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Frames, encoded images and JSON request bodies for the server tests. */
final class Fixtures {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {
    }

    /** A deterministic colourful (h, w, 3) frame. */
    static Frame frame(int h, int w, int seed) {
        Frame f = Frame.blank(h, w);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                f.set(y, x, (x * 16 + seed * 7) & 0xFF, (y * 16 + seed * 13) & 0xFF, (x * y + seed) & 0xFF);
            }
        }
        return f;
    }

    static Frame frame(int seed) {
        return frame(FakeBackend.INFO.imageHeight(), FakeBackend.INFO.imageWidth(), seed);
    }

    static byte[] encode(Frame frame, String format) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                image.setRGB(x, y, (frame.get(y, x, 0) << 16) | (frame.get(y, x, 1) << 8) | frame.get(y, x, 2));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Base64 of the frame's PNG; cached, since encoding dominates small test requests. */
    static String pngBase64(Frame frame) {
        return PNG_CACHE.computeIfAbsent(frame, f -> Base64.getEncoder().encodeToString(encode(f, "png")));
    }

    private static final java.util.Map<Frame, String> PNG_CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    static ObjectNode rawImage(Frame frame) {
        ObjectNode raw = MAPPER.createObjectNode();
        raw.put("data", Base64.getEncoder().encodeToString(frame.data()));
        raw.set("shape", MAPPER.createArrayNode().add(frame.height()).add(frame.width()).add(3));
        raw.put("dtype", "uint8");
        return raw;
    }

    static ArrayNode numbers(float... values) {
        ArrayNode out = MAPPER.createArrayNode();
        for (float v : values) {
            out.add(v);
        }
        return out;
    }

    /** {@code {"image", "proprio"}} with a PNG image. */
    static ObjectNode observation(Frame frame, float... proprio) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("image", pngBase64(frame));
        node.set("proprio", numbers(proprio));
        return node;
    }

    /** A plan body with an inline goal. */
    static ObjectNode planWithGoal(float[] proprio, float[] goalProprio) {
        ObjectNode body = observation(frame(1), proprio);
        body.set("goal", observation(frame(2), goalProprio));
        return body;
    }

    /** A plan body referring to a registered goal. */
    static ObjectNode planWithGoalId(String goalId, float... proprio) {
        ObjectNode body = observation(frame(1), proprio);
        body.put("goal_id", goalId);
        return body;
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** (rows, cols) floats from a JSON array of arrays. */
    static float[][] rows(JsonNode node) {
        float[][] out = new float[node.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new float[node.get(i).size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = (float) node.get(i).get(j).doubleValue();
            }
        }
        return out;
    }
}
