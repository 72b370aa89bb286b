package ai.foresight.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpRoundTripTest {

    private FakeBackend backend;
    private PlanningServer server;
    private HttpTestClient http;

    @BeforeEach
    void start() {
        backend = new FakeBackend();
        server = new PlanningServer(backend, ServerConfig.tiny());
        http = new HttpTestClient(server.start(0));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void healthAndModelDescribeTheBackend() {
        HttpResponse<String> health = http.get("/healthz");
        assertEquals(200, health.statusCode());
        assertEquals("ok", HttpTestClient.json(health).get("status").asText());

        JsonNode model = HttpTestClient.json(http.get("/v1/model"));
        assertEquals("fake-v1", model.get("model_id").asText());
        assertEquals(16, model.get("image").get("height").asInt());
        assertEquals(16, model.get("image").get("width").asInt());
        assertEquals(2, model.get("action").get("dim").asInt());
        assertEquals(-1.0, model.get("action").get("low").get(0).asDouble());
        assertEquals(1.0, model.get("action").get("high").get(1).asDouble());
        assertEquals(5, model.get("frameskip").asInt());
        assertEquals(2, model.get("chunk_size").asInt());
        assertEquals(8, model.get("planner").get("limits").get("max_horizon").asInt());
    }

    @Test
    void planWithInlineGoalReturnsTheBackendsChunk() {
        HttpResponse<String> response = http.post("/v1/plan",
                Fixtures.planWithGoal(new float[] {0.2f, -0.4f}, new float[] {1.0f, 0.6f}));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = HttpTestClient.json(response);
        float[][] actions = Fixtures.rows(body.get("actions"));
        assertEquals(2, actions.length);
        assertArrayEquals(new float[] {0.4f, 0.5f}, actions[0], 1e-6f);
        assertArrayEquals(new float[] {0.4f, 0.5f}, actions[1], 1e-6f);
        assertEquals(2, body.get("planned_rest").size(), "default horizon 4 minus chunk 2");
        assertEquals("fake-v1", body.get("model_id").asText());
        assertEquals(0.0, body.get("objective").asDouble());
        JsonNode timing = body.get("timing");
        assertEquals(0.25, timing.get("encode_ms").asDouble());
        assertEquals(0.5, timing.get("plan_ms").asDouble());
        assertTrue(timing.get("total_ms").asDouble() >= timing.get("queue_ms").asDouble());
        assertFalse(body.has("session_id"));
        assertEquals(Fixtures.frame(1), backend.lastObservation, "PNG pixels reach the backend exactly");
        assertEquals(0, backend.liveWarmStarts.get(), "without a session the new warm start is closed at once");
    }

    @Test
    void rawUint8AndFloat32ArraysDecodeToTheSamePixels() {
        ObjectNode body = Fixtures.planWithGoal(new float[] {0, 0}, new float[] {0, 0});
        body.set("image", Fixtures.rawImage(Fixtures.frame(5)));
        assertEquals(200, http.post("/v1/plan", body).statusCode());
        assertEquals(Fixtures.frame(5), backend.lastObservation);

        byte[] pixels = Fixtures.frame(6).data();
        java.nio.ByteBuffer floats = java.nio.ByteBuffer.allocate(pixels.length * 4)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (byte p : pixels) {
            floats.putFloat((p & 0xFF) / 255f);
        }
        ObjectNode raw = Fixtures.rawImage(Fixtures.frame(6));
        raw.put("data", java.util.Base64.getEncoder().encodeToString(floats.array()));
        raw.put("dtype", "<f4");
        body.set("image", raw);
        assertEquals(200, http.post("/v1/plan", body).statusCode());
        assertEquals(Fixtures.frame(6), backend.lastObservation);
    }

    @Test
    void registeredGoalIsEncodedOnceAndUsedByPlans() {
        HttpResponse<String> created = http.post("/v1/goals", Fixtures.observation(Fixtures.frame(3), 1f, 1f));
        assertEquals(201, created.statusCode(), created.body());
        String goalId = HttpTestClient.json(created).get("goal_id").asText();
        assertEquals(1, backend.liveGoals.get());

        JsonNode plan = HttpTestClient.json(http.post("/v1/plan", Fixtures.planWithGoalId(goalId, 0.5f, 0f)));
        assertArrayEquals(new float[] {0.25f, 0.5f}, Fixtures.rows(plan.get("actions"))[0], 1e-6f);

        assertEquals(204, http.delete("/v1/goals/" + goalId).statusCode());
        assertEquals(0, backend.liveGoals.get(), "deleting the goal closes its handle");
        HttpResponse<String> gone = http.post("/v1/plan", Fixtures.planWithGoalId(goalId, 0.5f, 0f));
        assertEquals(404, gone.statusCode());
        assertEquals("goal_id", HttpTestClient.error(gone).get("field").asText());
    }

    @Test
    void sessionWarmStartChangesTheNextPlansStartingPoint() {
        String session = HttpTestClient.json(http.post("/v1/sessions", "{}")).get("session_id").asText();
        ObjectNode body = Fixtures.planWithGoal(new float[] {0f, 0f}, new float[] {1f, -1f});
        body.put("session_id", session);

        JsonNode first = HttpTestClient.json(http.post("/v1/plan", body));
        assertEquals(0.0, first.get("objective").asDouble(), "cold start");
        assertArrayEquals(new float[] {0f, 0f}, Fixtures.rows(first.get("planned_rest"))[0]);
        assertEquals(session, first.get("session_id").asText());

        body.set("proprio", Fixtures.numbers(0.5f, 0f));
        JsonNode second = HttpTestClient.json(http.post("/v1/plan", body));
        assertEquals(1.0, second.get("objective").asDouble(), "planned from the session's warm start");
        assertArrayEquals(Fixtures.rows(first.get("actions"))[0], Fixtures.rows(second.get("planned_rest"))[0],
                "the rest of the horizon starts from the previous plan");
        assertEquals(1, backend.liveWarmStarts.get(), "the replaced warm start was closed");

        body.put("reset", true);
        assertEquals(0.0, HttpTestClient.json(http.post("/v1/plan", body)).get("objective").asDouble());

        body.remove("session_id");
        body.remove("reset");
        assertEquals(0.0, HttpTestClient.json(http.post("/v1/plan", body)).get("objective").asDouble(),
                "without a session every plan is a cold start");

        assertEquals(204, http.delete("/v1/sessions/" + session).statusCode());
        assertEquals(0, backend.liveWarmStarts.get());
        body.put("session_id", session);
        assertEquals(404, http.post("/v1/plan", body).statusCode());
        assertEquals(404, http.delete("/v1/sessions/" + session).statusCode());
        assertEquals(0, backend.doubleCloses.get());
    }

    @Test
    void settingsAboveTheLimitsAreClampedAndReported() {
        ObjectNode body = Fixtures.planWithGoal(new float[] {0, 0}, new float[] {0, 0});
        ObjectNode settings = body.putObject("settings");
        settings.put("horizon", 1000);
        settings.put("samples", 10);
        settings.put("elites", 3);
        JsonNode plan = HttpTestClient.json(http.post("/v1/plan", body));
        assertEquals(8, plan.get("settings").get("horizon").asInt());
        assertEquals(10, plan.get("settings").get("samples").asInt());
        assertEquals(2, plan.get("settings").get("iterations").asInt(), "default kept");
        assertEquals(3, plan.get("settings").get("elites").asInt());
        assertEquals(6, plan.get("planned_rest").size());
        assertEquals(8, backend.lastSettings.horizon());
    }

    @Test
    void metricsCountRequestsByRouteAndStatus() {
        http.post("/v1/plan", Fixtures.planWithGoal(new float[] {0, 0}, new float[] {0, 0}));
        http.post("/v1/plan", "{\"image\": 3}");
        http.get("/nope");
        HttpResponse<String> metrics = http.get("/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String text = metrics.body();
        assertTrue(text.contains("foresight_http_requests_total{method=\"POST\",route=\"/v1/plan\",status=\"200\"} 1"),
                text);
        assertTrue(text.contains("foresight_http_requests_total{method=\"POST\",route=\"/v1/plan\",status=\"400\"} 1"));
        assertTrue(text.contains("route=\"unmatched\",status=\"404\"} 1"), text);
        assertTrue(text.contains("foresight_http_request_duration_seconds_bucket{route=\"/v1/plan\",le=\"+Inf\"} 2"));
        assertTrue(text.contains("foresight_plan_queue_depth 0"));
        assertTrue(text.contains("# TYPE foresight_plan_batch_size histogram"));
        assertTrue(text.contains("foresight_plan_batch_size_count 1"));
    }

    @Test
    void aTakenPortFailsTheSecondServerCleanly() {
        PlanningServer second = new PlanningServer(new FakeBackend(), ServerConfig.tiny());
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> second.start(server.port()));
        second.stop();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> server.start(0),
                "a running server refuses a second start");
        assertEquals(200, http.get("/healthz").statusCode());
    }

    @Test
    void unknownRoutesAndMethodsGetJsonErrors() {
        HttpResponse<String> missing = http.get("/v2/everything");
        assertEquals(404, missing.statusCode());
        assertEquals("not_found", HttpTestClient.error(missing).get("code").asText());
        assertTrue(missing.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }
}
