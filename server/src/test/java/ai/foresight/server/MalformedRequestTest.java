package ai.foresight.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each malformed request gets its own 4xx JSON error naming the field, and the server keeps serving. */
class MalformedRequestTest {

    private static FakeBackend backend;
    private static PlanningServer server;
    private static HttpTestClient http;

    @BeforeAll
    static void start() {
        backend = new FakeBackend();
        server = new PlanningServer(backend, ServerConfig.tiny());
        http = new HttpTestClient(server.start(0));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** A valid plan body with one change applied. */
    private static String plan(Consumer<ObjectNode> change) {
        ObjectNode body = Fixtures.planWithGoal(new float[] {0.1f, 0.2f}, new float[] {0.3f, 0.4f});
        change.accept(body);
        return body.toString();
    }

    private static String rawImagePlan(Consumer<ObjectNode> change) {
        return plan(body -> {
            ObjectNode raw = Fixtures.rawImage(Fixtures.frame(1));
            change.accept(raw);
            body.set("image", raw);
        });
    }

    private static String settingsPlan(String field, Object value) {
        return plan(body -> body.putObject("settings").putPOJO(field, value));
    }

    private static Arguments planCase(String name, String body, int status, String code, String field) {
        return Arguments.of(name, "/v1/plan", body, "application/json", status, code, field);
    }

    static Stream<Arguments> malformed() {
        byte[] png = Fixtures.encode(Fixtures.frame(1), "png");
        float[] outOfRange = new float[16 * 16 * 3];
        Arrays.fill(outOfRange, 0.5f);
        outOfRange[7] = 1.5f;
        ByteBuffer floats = ByteBuffer.allocate(outOfRange.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : outOfRange) {
            floats.putFloat(v);
        }
        String floatData = Base64.getEncoder().encodeToString(floats.array());
        return Stream.of(
                planCase("truncated JSON", "{\"image\": ", 400, "malformed_json", "body"),
                planCase("JSON array body", "[1, 2]", 400, "invalid_type", "body"),
                planCase("empty body", "", 400, "malformed_json", "body"),
                planCase("duplicate key", "{\"image\": \"a\", \"image\": \"b\"}", 400, "malformed_json", "body"),
                planCase("trailing garbage", "{} {}", 400, "malformed_json", "body"),
                planCase("missing image", plan(b -> b.remove("image")), 400, "missing_field", "image"),
                planCase("image is a number", plan(b -> b.put("image", 7)), 400, "invalid_type", "image"),
                planCase("image not base64", plan(b -> b.put("image", "@@@not-base64")), 400, "invalid_base64", "image"),
                planCase("bad data URL", plan(b -> b.put("image", "data:image/png,abc")), 400, "invalid_base64", "image"),
                planCase("image not PNG/JPEG", plan(b -> b.put("image", Base64.getEncoder().encodeToString(
                        "hello world, not an image".getBytes()))), 400, "invalid_image", "image"),
                planCase("truncated PNG", plan(b -> b.put("image", Base64.getEncoder().encodeToString(
                        Arrays.copyOf(png, 40)))), 400, "invalid_image", "image"),
                planCase("PNG of the wrong size", plan(b -> b.put("image", Fixtures.pngBase64(Fixtures.frame(8, 8, 1)))),
                        400, "invalid_image_size", "image"),
                planCase("raw rank 2", rawImagePlan(r -> r.set("shape", Fixtures.numbers(16, 16))), 400,
                        "invalid_shape", "image.shape"),
                planCase("raw channels-first", rawImagePlan(r -> r.set("shape", Fixtures.numbers(3, 16, 16))), 400,
                        "invalid_shape", "image.shape"),
                planCase("raw wrong height", rawImagePlan(r -> r.set("shape", Fixtures.numbers(15, 16, 3))), 400,
                        "invalid_image_size", "image.shape"),
                planCase("raw float64 dtype", rawImagePlan(r -> r.put("dtype", "float64")), 400, "invalid_dtype",
                        "image.dtype"),
                planCase("raw data too short", rawImagePlan(r -> r.put("data", "AAAA")), 400, "invalid_length",
                        "image.data"),
                planCase("raw float32 out of [0,1]", rawImagePlan(r -> {
                    r.put("data", floatData);
                    r.put("dtype", "float32");
                }), 400, "out_of_range", "image.data"),
                planCase("raw unknown field", rawImagePlan(r -> r.put("stride", 3)), 400, "unknown_field",
                        "image.stride"),
                planCase("raw missing data", rawImagePlan(r -> r.remove("data")), 400, "missing_field", "image.data"),
                planCase("proprio missing", plan(b -> b.remove("proprio")), 400, "missing_field", "proprio"),
                planCase("proprio wrong length", plan(b -> b.set("proprio", Fixtures.numbers(1, 2, 3))), 400,
                        "invalid_length", "proprio"),
                planCase("proprio NaN literal", plan(b -> b.set("proprio", Fixtures.numbers(0, 12345.5f)))
                        .replace("12345.5", "NaN"), 400, "not_finite", "proprio[1]"),
                planCase("proprio Infinity literal", "{" + plan(b -> b.remove("proprio")).substring(1)
                        .replaceFirst("\\}$", ", \"proprio\": [Infinity, 0]}"), 400, "not_finite", "proprio[0]"),
                planCase("proprio beyond float32", plan(b -> b.set("proprio", Fixtures.MAPPER.createArrayNode()
                        .add(1e39).add(0))), 400, "not_finite", "proprio[0]"),
                planCase("proprio string element", plan(b -> b.set("proprio", Fixtures.MAPPER.createArrayNode()
                        .add("0.1").add(0))), 400, "invalid_type", "proprio[0]"),
                planCase("unknown top-level field", plan(b -> b.put("temperature", 0.7)), 400, "unknown_field",
                        "temperature"),
                planCase("unknown setting", settingsPlan("temperature", 1), 400, "unknown_field",
                        "settings.temperature"),
                planCase("negative horizon", settingsPlan("horizon", -3), 400, "invalid_setting", "settings.horizon"),
                planCase("fractional horizon", settingsPlan("horizon", 2.5), 400, "invalid_setting", "settings.horizon"),
                planCase("horizon below chunk", settingsPlan("horizon", 1), 400, "invalid_setting", "settings.horizon"),
                planCase("samples as string", settingsPlan("samples", "100"), 400, "invalid_setting",
                        "settings.samples"),
                planCase("elites above samples", plan(b -> b.putObject("settings").put("samples", 4).put("elites", 9)),
                        400, "invalid_setting", "settings.elites"),
                planCase("goal and goal_id", plan(b -> b.put("goal_id", "g-x")), 400, "conflicting_fields", "goal_id"),
                planCase("no goal", plan(b -> b.remove("goal")), 400, "missing_field", "goal"),
                planCase("goal proprio NaN literal", plan(b -> ((ObjectNode) b.get("goal")).set("proprio",
                        Fixtures.numbers(12345.5f, 0))).replace("12345.5", "NaN"), 400, "not_finite", "goal.proprio[0]"),
                planCase("proprio NaN as a string", plan(b -> b.set("proprio", Fixtures.numbers(0, Float.NaN))), 400,
                        "invalid_type", "proprio[1]"),
                planCase("goal unknown field", plan(b -> ((ObjectNode) b.get("goal")).put("depth", 1)), 400,
                        "unknown_field", "goal.depth"),
                planCase("goal image wrong size", plan(b -> ((ObjectNode) b.get("goal")).put("image",
                        Fixtures.pngBase64(Fixtures.frame(16, 20, 1)))), 400, "invalid_image_size", "goal.image"),
                planCase("reset not a boolean", plan(b -> b.put("reset", "yes")), 400, "invalid_type", "reset"),
                planCase("unknown goal_id", plan(b -> {
                    b.remove("goal");
                    b.put("goal_id", "g-nope");
                }), 404, "goal_not_found", "goal_id"),
                planCase("unknown session_id", plan(b -> b.put("session_id", "s-nope")), 404, "session_not_found",
                        "session_id"),
                Arguments.of("text/plain body", "/v1/plan", plan(b -> { }), "text/plain", 415, "unsupported_media_type",
                        "Content-Type"),
                planCase("body over the limit", plan(b -> b.put("padding", "x".repeat(300 * 1024))), 413,
                        "body_too_large", "body"),
                Arguments.of("goal without image", "/v1/goals", "{\"proprio\": [0, 0]}", "application/json", 400,
                        "missing_field", "image"),
                Arguments.of("session with unknown field", "/v1/sessions", "{\"robot\": \"arm-1\"}",
                        "application/json", 400, "unknown_field", "robot"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedRequestIsRejectedNamingTheField(String name, String path, String body, String contentType,
                                                  int status, String code, String field) {
        HttpResponse<String> response = http.postRaw(path, body, contentType);
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode error = HttpTestClient.error(response);
        assertEquals(code, error.get("code").asText(), response.body());
        assertEquals(field, error.get("field").asText(), response.body());
        String message = error.get("message").asText();
        assertFalse(message.isBlank());
        assertNoInternals(response.body());
    }

    @Test
    void serverKeepsServingAfterBadInputAndBackendFailures() {
        HttpResponse<String> rejected = http.post("/v1/plan", plan(b -> b.set("proprio", Fixtures.numbers(77, 0))));
        assertEquals(400, rejected.statusCode());
        assertEquals("rejected_by_model", HttpTestClient.error(rejected).get("code").asText());
        assertTrue(HttpTestClient.error(rejected).get("message").asText().contains("proprio[0]"));

        HttpResponse<String> crashed = http.post("/v1/plan", plan(b -> b.set("proprio", Fixtures.numbers(99, 0))));
        assertEquals(500, crashed.statusCode());
        assertEquals("internal", HttpTestClient.error(crashed).get("code").asText());
        assertFalse(crashed.body().contains("secret"), "backend exception messages stay in the log");
        assertNoInternals(crashed.body());

        HttpResponse<String> nonFinite = http.post("/v1/plan", plan(b -> b.set("proprio", Fixtures.numbers(55, 0))));
        assertEquals(500, nonFinite.statusCode(), "a NaN action never reaches a robot");
        assertEquals(0, backend.liveWarmStarts.get(), "the faulty plan's warm start was closed");

        HttpResponse<String> fine = http.post("/v1/plan", plan(b -> { }));
        assertEquals(200, fine.statusCode(), fine.body());
    }

    @Test
    void jettyLevelErrorsAreJsonToo() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20000)
                    + "\r\n\r\n").getBytes());
            String reply = new String(socket.getInputStream().readAllBytes());
            assertTrue(reply.startsWith("HTTP/1.1 431"), reply);
            assertTrue(reply.contains("\"error\""), reply);
            assertNoInternals(reply);
        }
    }

    private static void assertNoInternals(String body) {
        assertFalse(body.contains("at ai.") || body.contains("at java.") || body.contains(".java:")
                || body.contains("Exception"), "no stack trace or exception names: " + body);
    }

}
