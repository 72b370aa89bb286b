package ai.foresight.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.experiments.serve.RunningServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Smoke tests of 'foresight serve' and 'foresight bench serve' on the untrained tiny model. */
class ServeJobsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path tmp;

    /**
     * Starts DJL's engine on the test thread before any test serves from another thread: DJL turns libtorch's
     * thread-local autograd off only on the thread that starts it, and training jobs later in this JVM (AdamW's
     * in-place updates) fail on a thread where it is still on.
     */
    @BeforeAll
    static void startTheEngineOnTheTestThread() {
        ai.djl.engine.Engine.getInstance();
    }

    private HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void serveStartsAnswersHealthAndTheModelThenStopsCleanly() throws Exception {
        Path token = Files.writeString(tmp.resolve("token"), "tok-123\n");
        ServeCommand serve = new ServeCommand();
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of(new CommandLine(serve),
                "--model", "tiny", "--port", "0", "--token-file", token.toString(), "--json"));
        RunningServer server = serve.awaitStarted(Duration.ofSeconds(60));
        assertNotNull(server, () -> "the server did not start: " + (run.isDone() ? run.join() : "still starting"));
        String url = server.url();
        assertTrue(url.startsWith("http://127.0.0.1:"), url);

        HttpResponse<String> health = get(url + "/healthz", null);
        assertEquals(200, health.statusCode());
        assertEquals("ok", JSON.readTree(health.body()).get("status").asText());
        assertEquals(401, get(url + "/v1/model", null).statusCode(), "the token file's token is required");
        JsonNode model = JSON.readTree(get(url + "/v1/model", "tok-123").body());
        assertEquals("untrained-tiny-seed0", model.get("model_id").asText());
        assertEquals(2, model.get("chunk_size").asInt());

        server.requestStop();
        CliRun done = run.get(60, TimeUnit.SECONDS);
        assertEquals(0, done.exitCode(), done::toString);
        assertTrue(done.stderr().contains("serving at " + url), done.stderr());
        assertTrue(done.stderr().contains("model untrained-tiny-seed0: 32x32 frames"), done.stderr());
        JsonNode summary = done.lastLineJson();
        assertEquals(url, summary.get("url").asText());
        assertEquals(2, summary.get("requests_answered").asLong(), "healthz and one model request");
        assertEquals(1, summary.get("requests_failed").asLong(), "the request without a token");
        assertTrue(summary.get("untrained").asBoolean());
        assertThrowsConnect(url);
    }

    private void assertThrowsConnect(String url) {
        try {
            get(url + "/healthz", null);
            throw new AssertionError("the server still answers after stopping");
        } catch (IOException expected) {
            // connection refused: the port is closed
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void serveRejectsBadFlagsWithOneLine() throws IOException {
        CliRun port = CliRun.of("serve", "--model", "tiny", "--port", "70000");
        assertEquals(2, port.exitCode(), port::toString);
        assertTrue(port.stderr().contains("--port: expected 0..65535, got 70000"), port.stderr());
        CliRun token = CliRun.of("serve", "--model", "tiny", "--token-file", tmp.resolve("missing").toString());
        assertEquals(2, token.exitCode(), token::toString);
        assertTrue(token.stderr().contains("--token-file: expected a readable file"), token.stderr());
        CliRun model = CliRun.of("serve", "--model", tmp.resolve("no-model").toString(), "--port", "0");
        assertEquals(1, model.exitCode(), model::toString);
        assertTrue(model.stderr().contains("--model: expected a model directory or one of tiny, wall"), model.stderr());
    }

    @Test
    void benchServeReportsEveryLevelAndTheRatio() {
        Path out = tmp.resolve("bench");
        CliRun run = CliRun.of("bench", "serve", "--model", "tiny", "--clients", "1,3", "--requests", "6",
                "--warmup", "1", "--out", out.toString(), "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode json = run.lastLineJson();
        assertEquals("untrained-tiny-seed0", json.get("model_id").asText());
        assertTrue(json.get("in_process_p50_ms").asDouble() > 0);
        assertEquals(2, json.get("levels").size());
        for (JsonNode level : json.get("levels")) {
            assertEquals(6, level.get("requests").asInt());
            assertEquals(0, level.get("errors").asInt(), level::toString);
            assertTrue(level.get("p99_ms").asDouble() >= level.get("p50_ms").asDouble());
            assertTrue(level.get("requests_per_second").asDouble() > 0);
        }
        assertEquals(3, json.get("levels").get(1).get("clients").asInt());
        double ratio = json.get("p50_ratio_1_client").asDouble();
        assertEquals(json.get("levels").get(0).get("p50_ms").asDouble() / json.get("in_process_p50_ms").asDouble(),
                ratio, 1e-9);
        assertEquals(0, json.get("errors").asInt());
        assertEquals(json, CliRun.readJson(out.resolve("result.json")));

        CliRun bad = CliRun.of("bench", "serve", "--clients", "0");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.stderr().contains("--clients: expected 1..64 robots per level, got 0"), bad.stderr());
    }
}
