package ai.foresight.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.foresight.datasets.image.Frame;
import ai.foresight.server.backend.ModelBackend;
import ai.foresight.server.backend.ModelBackendConfig;
import ai.foresight.server.backend.ServedModel;
import ai.foresight.server.backend.SyntheticModels;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real backend (untrained tiny encoder + world model + CEM) behind the real HTTP and WebSocket server. */
class ModelBackendServerTest {
    private NDManager root;
    private ServedModel model;
    private ModelBackend backend;
    private PlanningServer server;
    private int port;
    private HttpTestClient http;

    @BeforeEach
    void start() {
        root = NDManager.newBaseManager();
        model = SyntheticModels.create("tiny", 1, root);
        backend = new ModelBackend(model, ModelBackendConfig.tiny(), root);
        server = new PlanningServer(backend, ServerConfig.tiny());
        port = server.start(0);
        http = new HttpTestClient(port);
    }

    @AfterEach
    void stop() {
        server.stop();
        int held = backend.manager().getManagedArrays().size();
        backend.close();
        model.close();
        root.close();
        assertEquals(0, held, "stopping the server closes every goal; no plan leaves arrays behind");
    }

    private static Frame frame(int seed) {
        return Fixtures.frame(32, 32, seed);
    }

    private static void assertChunk(JsonNode actions, int rows) {
        float[][] chunk = Fixtures.rows(actions);
        assertEquals(rows, chunk.length);
        for (float[] row : chunk) {
            assertEquals(2, row.length);
            for (float v : row) {
                assertTrue(Float.isFinite(v) && v >= -1f && v <= 1f, "action " + v + " outside [-1, 1]");
            }
        }
    }

    @Test
    void modelDescriptionComesFromTheModel() {
        JsonNode info = HttpTestClient.json(http.get("/v1/model"));
        assertEquals("untrained-tiny-seed1", info.get("model_id").asText());
        assertEquals(32, info.get("image").get("height").asInt());
        assertEquals(2, info.get("action").get("dim").asInt());
        assertEquals(1, info.get("frameskip").asInt());
        assertEquals(2, info.get("chunk_size").asInt());
        assertEquals(2, info.get("proprio_dim").asInt());
    }

    @Test
    void sessionPlansWithARegisteredGoalReturnChunksOfShapeKByA() {
        String goalId = HttpTestClient.json(http.post("/v1/goals", Fixtures.observation(frame(9), 0.5f, 0.5f)))
                .get("goal_id").asText();
        String sessionId = HttpTestClient.json(http.post("/v1/sessions", "{}")).get("session_id").asText();
        for (int step = 0; step < 3; step++) {
            ObjectNode body = Fixtures.observation(frame(step), 0.1f * step, 0f);
            body.put("goal_id", goalId);
            body.put("session_id", sessionId);
            HttpResponse<String> response = http.post("/v1/plan", body);
            assertEquals(200, response.statusCode(), response.body());
            JsonNode reply = HttpTestClient.json(response);
            assertChunk(reply.get("actions"), 2);
            assertChunk(reply.get("planned_rest"), 4);
            assertTrue(Double.isFinite(reply.get("objective").asDouble()));
            assertTrue(reply.get("timing").get("plan_ms").asDouble() > 0);
            assertTrue(reply.get("timing").get("encode_ms").asDouble() > 0);
        }
        assertEquals(204, http.delete("/v1/goals/" + goalId).statusCode());
    }

    @Test
    void inlineGoalAndSettingsAreHonoured() {
        ObjectNode body = Fixtures.observation(frame(1), 0f, 0f);
        body.set("goal", Fixtures.observation(frame(2), 1f, 1f));
        body.set("settings", Fixtures.MAPPER.createObjectNode().put("horizon", 5).put("samples", 16)
                .put("iterations", 2).put("elites", 2));
        HttpResponse<String> response = http.post("/v1/plan", body);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode reply = HttpTestClient.json(response);
        assertChunk(reply.get("actions"), 2);
        assertChunk(reply.get("planned_rest"), 3);
        assertEquals(5, reply.get("settings").get("horizon").asInt());
    }

    @Test
    void openPiSocketGetsAnActionChunk() {
        try (MsgpackSocketClient client = new MsgpackSocketClient(port, "/", null)) {
            assertEquals(2L, client.receive().map().get("chunk_size"));
            for (int step = 0; step < 2; step++) {
                Map<String, Object> obs = new LinkedHashMap<>();
                obs.put("observation/image", MsgpackSocketClient.uint8Image(frame(step)));
                obs.put("observation/state", MsgpackSocketClient.float32(0f, 0.1f));
                obs.put("goal/image", MsgpackSocketClient.uint8Image(frame(7)));
                obs.put("goal/state", List.of(0.5, 0.5));
                client.send(MsgpackSocketClient.pack(obs));
                MsgpackSocketClient.Received reply = client.receive();
                assertFalse(reply.isText(), reply::text);
                MsgpackSocketClient.Array actions = (MsgpackSocketClient.Array) reply.map().get("actions");
                assertArrayEquals(new long[] {2, 2}, actions.shape());
                for (float[] row : actions.floatRows()) {
                    assertTrue(row[0] >= -1f && row[0] <= 1f && row[1] >= -1f && row[1] <= 1f);
                }
            }
        }
    }
}
