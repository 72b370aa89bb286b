package ai.foresight.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebSocketTest {

    private FakeBackend backend;
    private PlanningServer server;
    private int port;

    @BeforeEach
    void start() {
        backend = new FakeBackend();
        server = new PlanningServer(backend, ServerConfig.tiny());
        port = server.start(0);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    /** An openpi-style observation dict with an inline goal. */
    private static Map<String, Object> observation(float x, float y, float goalX, float goalY) {
        Map<String, Object> obs = new LinkedHashMap<>();
        obs.put("observation/image", MsgpackSocketClient.uint8Image(Fixtures.frame(1)));
        obs.put("observation/state", MsgpackSocketClient.float32(x, y));
        obs.put("goal/image", MsgpackSocketClient.uint8Image(Fixtures.frame(2)));
        obs.put("goal/state", List.of((double) goalX, (double) goalY));
        obs.put("prompt", "reach the goal");
        return obs;
    }

    @Test
    void metadataFirstThenActionsAsNumpyArrays() {
        try (MsgpackSocketClient client = new MsgpackSocketClient(port, "/", null)) {
            MsgpackSocketClient.Received metadata = client.receive();
            assertFalse(metadata.isText());
            assertEquals("fake-v1", metadata.map().get("model_id"));
            assertEquals("openpi", metadata.map().get("protocol"));
            assertEquals(2L, metadata.map().get("chunk_size"));
            assertEquals(5L, metadata.map().get("frameskip"));
            @SuppressWarnings("unchecked")
            Map<String, Object> image = (Map<String, Object>) metadata.map().get("image");
            assertEquals(16L, image.get("height"));

            client.send(MsgpackSocketClient.pack(observation(0.2f, -0.4f, 1.0f, 0.6f)));
            MsgpackSocketClient.Received reply = client.receive();
            assertFalse(reply.isText(), () -> reply.text());
            MsgpackSocketClient.Array actions = assertInstanceOf(MsgpackSocketClient.Array.class,
                    reply.map().get("actions"));
            assertEquals("<f4", actions.dtype());
            assertArrayEquals(new long[] {2, 2}, actions.shape());
            assertArrayEquals(new float[] {0.4f, 0.5f}, actions.floatRows()[0], 1e-6f);
            assertTrue(reply.binaryKeysForArrays(), "ndarray tag keys are bin, as openpi clients look them up");
            @SuppressWarnings("unchecked")
            Map<String, Object> timing = (Map<String, Object>) reply.map().get("server_timing");
            assertTrue((Double) timing.get("infer_ms") > 0);
            assertEquals(Fixtures.frame(1), backend.lastObservation);
        }
    }

    @Test
    void theConnectionCarriesTheWarmStartUntilReset() {
        try (MsgpackSocketClient client = new MsgpackSocketClient(port, "/v1/ws", null)) {
            client.receive();
            client.send(MsgpackSocketClient.pack(observation(0, 0, 1, -1)));
            MsgpackSocketClient.Received first = client.receive();
            assertEquals(0.0, first.map().get("objective"));
            float[] firstAction = ((MsgpackSocketClient.Array) first.map().get("actions")).floatRows()[0];

            client.send(MsgpackSocketClient.pack(observation(0.5f, 0, 1, -1)));
            MsgpackSocketClient.Received second = client.receive();
            assertEquals(1.0, second.map().get("objective"));
            assertArrayEquals(firstAction, ((MsgpackSocketClient.Array) second.map().get("planned_rest"))
                    .floatRows()[0], "the rest of the horizon starts from the previous plan");

            client.send(MsgpackSocketClient.pack(Map.of("__ctrl__", "episode_start")));
            assertEquals("episode_start", client.receive().map().get("__ack__"));
            client.send(MsgpackSocketClient.pack(observation(0, 0, 1, -1)));
            assertEquals(0.0, client.receive().map().get("objective"), "a new episode starts cold");

            Map<String, Object> reset = observation(0, 0, 1, -1);
            reset.put("reset", true);
            client.send(MsgpackSocketClient.pack(observation(0, 0, 1, -1)));
            assertEquals(1.0, client.receive().map().get("objective"));
            client.send(MsgpackSocketClient.pack(reset));
            assertEquals(0.0, client.receive().map().get("objective"));
            assertEquals(1, backend.liveWarmStarts.get());
        }
        long deadline = System.currentTimeMillis() + 5000;
        while (backend.liveWarmStarts.get() != 0 && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(0, backend.liveWarmStarts.get(), "closing the socket frees the warm start");
        assertEquals(0, backend.doubleCloses.get());
    }

    @Test
    void registeredGoalsAndPngBytesWorkOverTheSocket() {
        HttpTestClient http = new HttpTestClient(port);
        String goalId = HttpTestClient.json(http.post("/v1/goals", Fixtures.observation(Fixtures.frame(3), 1f, 1f)))
                .get("goal_id").asText();
        try (MsgpackSocketClient client = new MsgpackSocketClient(port, "/", null)) {
            client.receive();
            Map<String, Object> obs = new LinkedHashMap<>();
            obs.put("image", Fixtures.encode(Fixtures.frame(4), "png"));
            obs.put("state", List.of(0.5, 0.0));
            obs.put("goal_id", goalId);
            obs.put("settings", Map.of("horizon", 6));
            client.send(MsgpackSocketClient.pack(obs));
            MsgpackSocketClient.Received reply = client.receive();
            assertFalse(reply.isText(), () -> reply.text());
            assertArrayEquals(new float[] {0.25f, 0.5f},
                    ((MsgpackSocketClient.Array) reply.map().get("actions")).floatRows()[0], 1e-6f);
            assertArrayEquals(new long[] {4, 2}, ((MsgpackSocketClient.Array) reply.map().get("planned_rest")).shape());
            assertEquals(Fixtures.frame(4), backend.lastObservation);
        }
    }

    @Test
    void errorsAreTextFramesAndTheConnectionStaysOpen() {
        try (MsgpackSocketClient client = new MsgpackSocketClient(port, "/", null)) {
            client.receive();
            Map<String, Object> wrongSize = observation(0, 0, 0, 0);
            wrongSize.put("observation/image", MsgpackSocketClient.uint8Image(Fixtures.frame(8, 8, 1)));
            assertError(client, MsgpackSocketClient.pack(wrongSize), "invalid_image_size", "observation/image.shape");

            Map<String, Object> extra = observation(0, 0, 0, 0);
            extra.put("observation/wrist_image", MsgpackSocketClient.uint8Image(Fixtures.frame(1)));
            assertError(client, MsgpackSocketClient.pack(extra), "unknown_field", "observation/wrist_image");

            Map<String, Object> nan = observation(0, 0, 0, 0);
            nan.put("observation/state", MsgpackSocketClient.float32(0, Float.NaN));
            assertError(client, MsgpackSocketClient.pack(nan), "not_finite", "observation/state[1]");

            Map<String, Object> twoImages = observation(0, 0, 0, 0);
            twoImages.put("image", MsgpackSocketClient.uint8Image(Fixtures.frame(1)));
            assertError(client, MsgpackSocketClient.pack(twoImages), "conflicting_fields", "observation/image");

            assertError(client, new byte[] {(byte) 0xc1, 1, 2}, "malformed_msgpack", "message");
            assertError(client, new byte[] {(byte) 0xdb, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff},
                    "malformed_msgpack", "message");
            assertError(client, new byte[] {42}, "invalid_type", "message");
            client.sendText("{\"image\": 1}");
            JsonNode text = Fixtures.parse(client.receive().text()).get("error");
            assertEquals("binary_expected", text.get("code").asText());

            client.send(MsgpackSocketClient.pack(observation(0.2f, -0.4f, 1.0f, 0.6f)));
            MsgpackSocketClient.Received ok = client.receive();
            assertFalse(ok.isText(), () -> ok.text());
            assertTrue(ok.map().containsKey("actions"), "still serving after seven bad messages");
        }
        String metrics = new HttpTestClient(port).get("/metrics").body();
        assertTrue(metrics.contains("foresight_ws_messages_total{outcome=\"ok\"} 1"), metrics);
        assertTrue(metrics.contains("foresight_ws_messages_total{outcome=\"malformed_msgpack\"} 2"), metrics);
    }

    @Test
    void aMessageOverTheSizeLimitClosesWithTooBig() {
        MsgpackSocketClient client = new MsgpackSocketClient(port, "/", null);
        client.receive();
        client.send(new byte[(int) ServerConfig.tiny().maxBodyBytes() + 1]);
        assertEquals(1009, client.awaitClose(), "RFC 6455 'message too big'");
        try (MsgpackSocketClient next = new MsgpackSocketClient(port, "/", null)) {
            assertEquals("fake-v1", next.receive().map().get("model_id"), "the server keeps accepting robots");
        }
    }

    private static void assertError(MsgpackSocketClient client, byte[] message, String code, String field) {
        client.send(message);
        MsgpackSocketClient.Received reply = client.receive();
        assertTrue(reply.isText(), "errors come as text frames");
        JsonNode error = Fixtures.parse(reply.text()).get("error");
        assertEquals(code, error.get("code").asText(), reply.text());
        assertEquals(field, error.get("field").asText(), reply.text());
    }
}
