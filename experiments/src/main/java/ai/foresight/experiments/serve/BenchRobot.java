package ai.foresight.experiments.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One simulated robot of the serving benchmark: its own HTTP/1.1 connection to the server, its own session (warm
 * start), and one prepared plan request (a PNG frame, proprio and the shared goal id) it sends again and again,
 * timing each round trip on the client side.
 */
final class BenchRobot {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final Duration timeout;
    private final String body;

    /**
     * Opens a session for the robot.
     *
     * @param imageBase64 the robot's camera frame as base64 PNG
     */
    BenchRobot(int port, String goalId, String imageBase64, float[] proprio, Duration timeout) throws IOException {
        this.base = "http://127.0.0.1:" + port;
        this.timeout = timeout;
        String session = post("/v1/sessions", "{}").get("session_id").asText();
        ObjectNode request = JSON.createObjectNode();
        request.put("image", imageBase64);
        var values = request.putArray("proprio");
        for (float v : proprio) {
            values.add(v);
        }
        request.put("goal_id", goalId);
        request.put("session_id", session);
        this.body = request.toString();
    }

    /** Registers a goal and returns its id. */
    static String registerGoal(int port, String imageBase64, float[] proprio) throws IOException {
        ObjectNode goal = JSON.createObjectNode();
        goal.put("image", imageBase64);
        var values = goal.putArray("proprio");
        for (float v : proprio) {
            values.add(v);
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = send(client, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/v1/goals")).header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(goal.toString())).build());
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new IOException("registering the goal: HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("goal_id").asText();
    }

    /**
     * One plan round trip.
     *
     * @return the outcome, never throwing: a failed request counts as an error
     */
    Outcome plan() {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = send(client, request("/v1/plan", body));
            double ms = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                return new Outcome(ms, false, 0, "HTTP " + response.statusCode());
            }
            JsonNode reply = JSON.readTree(response.body());
            return new Outcome(ms, true, reply.path("batch_size").asInt(1), null);
        } catch (IOException e) {
            return new Outcome((System.nanoTime() - start) / 1e6, false, 0, e.getClass().getSimpleName());
        }
    }

    private JsonNode post(String path, String json) throws IOException {
        HttpResponse<String> response = send(client, request(path, json));
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new IOException(path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpRequest request(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .timeout(timeout).POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * @param millis    client-side round trip
     * @param ok        whether the server answered 200 with a plan
     * @param batchSize how many requests the server planned together with this one
     * @param error     what went wrong, or null
     */
    record Outcome(double millis, boolean ok, int batchSize, String error) {
    }
}
