package ai.foresight.experiments.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One simulated robot of the serving benchmark, a blocking HTTP/1.1 client as a robot's Python {@code requests}
 * would be: its own keep-alive connection (the JDK's {@link HttpURLConnection} pool, which reuses a connection whose
 * answer was read to the end), its own session (warm start), and one prepared plan request (a PNG frame, proprio and
 * the shared goal id) it sends again and again, timing each round trip on the calling thread.
 */
final class BenchRobot {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final int timeoutMillis;
    private final byte[] body;

    /**
     * Opens a session for the robot.
     *
     * @param imageBase64 the robot's camera frame as base64 PNG
     */
    BenchRobot(int port, String goalId, String imageBase64, float[] proprio, Duration timeout) throws IOException {
        this.base = "http://127.0.0.1:" + port;
        this.timeoutMillis = (int) timeout.toMillis();
        Answer session = post(base, "/v1/sessions", "{}".getBytes(StandardCharsets.UTF_8), timeoutMillis);
        if (session.status() != 201 && session.status() != 200) {
            throw new IOException("opening a session: HTTP " + session.status() + " " + session.body());
        }
        ObjectNode request = observation(imageBase64, proprio);
        request.put("goal_id", goalId);
        request.put("session_id", JSON.readTree(session.body()).get("session_id").asText());
        this.body = request.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Registers a goal and returns its id. */
    static String registerGoal(int port, String imageBase64, float[] proprio) throws IOException {
        Answer answer = post("http://127.0.0.1:" + port, "/v1/goals",
                observation(imageBase64, proprio).toString().getBytes(StandardCharsets.UTF_8), 120_000);
        if (answer.status() != 200 && answer.status() != 201) {
            throw new IOException("registering the goal: HTTP " + answer.status() + " " + answer.body());
        }
        return JSON.readTree(answer.body()).get("goal_id").asText();
    }

    /**
     * One plan round trip.
     *
     * @return the outcome, never throwing: a failed request counts as an error
     */
    Outcome plan() {
        long start = System.nanoTime();
        try {
            Answer answer = post(base, "/v1/plan", body, timeoutMillis);
            double ms = (System.nanoTime() - start) / 1e6;
            if (answer.status() != 200) {
                return new Outcome(ms, false, 0, Double.NaN, Double.NaN, "HTTP " + answer.status());
            }
            JsonNode reply = JSON.readTree(answer.body());
            JsonNode timing = reply.path("timing");
            return new Outcome(ms, true, reply.path("batch_size").asInt(1), timing.path("total_ms").asDouble(Double.NaN),
                    timing.path("queue_ms").asDouble(Double.NaN), null);
        } catch (IOException e) {
            return new Outcome((System.nanoTime() - start) / 1e6, false, 0, Double.NaN, Double.NaN,
                    e.getClass().getSimpleName());
        }
    }

    private static ObjectNode observation(String imageBase64, float[] proprio) {
        ObjectNode node = JSON.createObjectNode();
        node.put("image", imageBase64);
        var values = node.putArray("proprio");
        for (float v : proprio) {
            values.add(v);
        }
        return node;
    }

    private static Answer post(String base, String path, byte[] json, int timeoutMillis) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(timeoutMillis);
        connection.setDoOutput(true);
        connection.setRequestMethod("POST");
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setFixedLengthStreamingMode(json.length);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(json);
        }
        int status = connection.getResponseCode();
        InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream();
        String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (in != null) {
            in.close(); // read to the end and closed: the connection goes back to the keep-alive pool
        }
        return new Answer(status, text);
    }

    private record Answer(int status, String body) {
    }

    /**
     * @param millis    client-side round trip
     * @param ok        whether the server answered 200 with a plan
     * @param batchSize how many requests the server planned together with this one
     * @param serverMs  the server's own account of the request, arrival to answer ({@code timing.total_ms})
     * @param queueMs   of which waiting for the plan worker ({@code timing.queue_ms})
     * @param error     what went wrong, or null
     */
    record Outcome(double millis, boolean ok, int batchSize, double serverMs, double queueMs, String error) {
    }
}
