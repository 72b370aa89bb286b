package ai.foresight.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.ndarray.NDManager;
import ai.foresight.experiments.pipeline.TrainedModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 'foresight serve' of a model directory written by 'foresight train' (tiny Wall data, untrained tiny ViT, 5 steps),
 * in its own JVM: it plans over HTTP and stops cleanly on SIGINT through its shutdown hook.
 */
class ServeTrainedModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern URL = Pattern.compile("serving at (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    static Path tmp;
    static Path model;

    @BeforeAll
    static void trainATinyModel() {
        Path data = tmp.resolve("wall");
        CliRun generated = CliRun.of("generate", "--world", "wall", "--episodes", "4", "--steps", "12", "--size", "32",
                "--out", data.toString());
        assertEquals(0, generated.exitCode(), generated::toString);
        model = tmp.resolve("wall-model");
        CliRun trained = CliRun.of("train", "--data", data.toString(), "--encoder", "random-tiny", "--preset", "tiny",
                "--steps", "5", "--out", model.toString());
        assertEquals(0, trained.exitCode(), trained::toString);
    }

    @Test
    void servesATrainedModelDirectoryAndStopsOnSigint() throws Exception {
        int frameskip;
        try (NDManager m = NDManager.newBaseManager(); TrainedModel loaded = TrainedModel.load(model, m)) {
            frameskip = loaded.worldModel().config().predictor().frameskip();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(java, "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classpath,
                "ai.foresight.experiments.cli.ForesightCli", "serve", "--model", model.toString(), "--port", "0")
                .redirectErrorStream(true);
        builder.environment().put("OMP_NUM_THREADS", "1");
        Process process = builder.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        List<String> seen = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        reader.start();
        try {
            String url = awaitUrl(lines, seen);
            assertNotNull(url, () -> "no 'serving at' line; output: " + seen);
            HttpClient http = HttpClient.newHttpClient();
            JsonNode info = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url + "/v1/model")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertEquals("wall-model-wall-dino-wm-step5", info.get("model_id").asText());
            assertEquals(frameskip, info.get("chunk_size").asInt(), "one latent frame per chunk");
            assertEquals(32, info.get("image").get("height").asInt());

            ObjectNode body = observation(1);
            body.set("goal", observation(2));
            body.set("settings", JSON.createObjectNode().put("horizon", 2 * frameskip).put("samples", 16)
                    .put("iterations", 2).put("elites", 2));
            HttpResponse<String> plan = http.send(HttpRequest.newBuilder(URI.create(url + "/v1/plan"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, plan.statusCode(), plan.body());
            JsonNode actions = JSON.readTree(plan.body()).get("actions");
            assertEquals(frameskip, actions.size());
            double low = info.get("action").get("low").get(0).asDouble();
            double high = info.get("action").get("high").get(0).asDouble();
            for (JsonNode row : actions) {
                assertEquals(2, row.size());
                for (JsonNode v : row) {
                    assertTrue(v.asDouble() >= low && v.asDouble() <= high, row::toString);
                }
            }

            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
            assertEquals(0, kill.waitFor());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                // a thread dump (SIGQUIT) goes to the server's output, which the failure message carries
                new ProcessBuilder("kill", "-QUIT", Long.toString(process.pid())).start().waitFor();
                Thread.sleep(2000);
                lines.drainTo(seen);
                fail("the server did not exit within 60 s of SIGINT; output and thread dump: " + String.join("\n", seen));
            }
            reader.join(5000);
            lines.drainTo(seen);
            assertEquals(130, process.exitValue(), () -> "exit after SIGINT; output: " + seen);
            assertTrue(seen.stream().anyMatch(l -> l.startsWith("stopped after") && l.contains("requests answered")),
                    () -> "the shutdown hook let the job finish; output: " + seen);
        } finally {
            process.destroyForcibly();
        }
    }

    private static String awaitUrl(BlockingQueue<String> lines, List<String> seen) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                continue;
            }
            seen.add(line);
            Matcher m = URL.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** {"image": PNG of a 32x32 pattern, "proprio": [x, y]}. */
    private static ObjectNode observation(int seed) throws java.io.IOException {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                image.setRGB(x, y, ((x * 8 + seed * 40) & 0xFF) << 16 | ((y * 8) & 0xFF) << 8 | (seed * 60 & 0xFF));
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        ObjectNode node = JSON.createObjectNode();
        node.put("image", Base64.getEncoder().encodeToString(png.toByteArray()));
        node.putArray("proprio").add(10.0 * seed).add(20.0);
        return node;
    }
}
