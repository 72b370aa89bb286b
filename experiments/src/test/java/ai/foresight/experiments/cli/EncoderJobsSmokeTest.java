package ai.foresight.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.datasets.generate.DatasetGenerator;
import ai.foresight.datasets.generate.GenerateSpec;
import ai.foresight.encoders.cache.FeatureCache;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The encoder jobs end to end on tiny settings: pretrain-encoder (tiny preset, a few steps, then a
 * resume), encode (built, reused, rebuilt for another encoder), probe (encoder vs random baseline)
 * and bench encode, on a 3-episode dataset generated here.
 */
class EncoderJobsSmokeTest {
    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void generate() throws IOException {
        data = tmp.resolve("wall");
        DatasetGenerator.generate(new GenerateSpec("wall", 3, 6, 32, List.of(), 4), data, n -> { });
    }

    @Test
    void pretrainWritesAnEncoderALossCurveAndResumes() throws IOException {
        Path out = tmp.resolve("pretrain");
        CliRun run = CliRun.of("pretrain-encoder", "--data", data.toString(), data.toString(), "--out", out.toString(),
                "--preset", "tiny", "--steps", "3", "--checkpoint-every", "2", "--seed", "1", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode json = run.lastLineJson();
        assertTrue(json.get("completed").asBoolean());
        assertEquals(3, json.get("steps").asInt());
        assertEquals(0, json.get("resumed_from").asInt());
        assertEquals(36, json.get("frames").asInt(), "both --data entries are read");
        assertTrue(Files.isRegularFile(Path.of(json.get("encoder_dir").asText()).resolve("encoder.params")));
        assertTrue(Files.isRegularFile(out.resolve("encoder").resolve("training_data.json")));
        BufferedImage curve = ImageIO.read(out.resolve("loss_curve.png").toFile());
        assertTrue(curve.getWidth() > 100 && curve.getHeight() > 100);
        assertEquals(json, CliRun.readJson(out.resolve("result.json")));
        assertEquals("tiny", CliRun.readJson(out.resolve("config.json")).get("preset").asText());

        CliRun again = CliRun.of("pretrain-encoder", "--data", data.toString(), data.toString(), "--out", out.toString(),
                "--preset", "tiny", "--steps", "3", "--checkpoint-every", "2", "--seed", "1", "--json");
        assertEquals(0, again.exitCode(), again::toString);
        assertEquals(3, again.lastLineJson().get("resumed_from").asInt(), "nothing left to do after a resume");
        assertEquals(json.get("encoder_id"), again.lastLineJson().get("encoder_id"));

        CliRun probe = CliRun.of("probe", "--data", data.toString(), "--encoder", out.toString(), "--test-fraction", "0.34",
                "--out", tmp.resolve("probe").toString(), "--json");
        assertEquals(0, probe.exitCode(), probe::toString);
        JsonNode p = probe.lastLineJson();
        assertEquals("wall", p.get("world").asText());
        assertEquals(List.of("x", "y"), List.of(p.get("targets").get(0).asText(), p.get("targets").get(1).asText()));
        for (String role : new String[] {"encoder", "baseline"}) {
            assertTrue(p.get("r2").get(role).has("x") && p.get("r2").get(role).has("y"), p.toString());
            assertTrue(Double.isFinite(p.get("r2").get(role).get("x").asDouble()), p.toString());
        }
        assertNotEquals(p.get("encoder_ids").get("encoder"), p.get("encoder_ids").get("baseline"));
        assertEquals(2, p.get("train_episodes").asInt());
        assertEquals(1, p.get("test_episodes").asInt());
        assertTrue(probe.stderr().contains("Held-out R²") && probe.stderr().contains("mean"), probe.stderr());
        assertTrue(Files.isRegularFile(tmp.resolve("probe").resolve("result.json")));
    }

    @Test
    void encodeBuildsOnceReusesAndRebuildsForAnotherEncoder() throws IOException {
        CliRun first = CliRun.of("encode", "--data", data.toString(), "--encoder", "random-tiny", "--json");
        assertEquals(0, first.exitCode(), first::toString);
        JsonNode a = first.lastLineJson();
        assertFalse(a.get("reused").asBoolean());
        assertEquals(18, a.get("frames").asInt());
        assertTrue(a.get("frames_per_second").asDouble() > 0);
        Path cache = Path.of(a.get("cache_dir").asText());
        assertEquals(data.resolve("features").resolve(a.get("encoder_id").asText()), cache);
        assertEquals(3, FeatureCache.readMetadata(cache).episodes());
        assertTrue(Files.isRegularFile(cache.resolve("result.json")));

        CliRun second = CliRun.of("encode", "--data", data.toString(), "--encoder", "random-tiny", "--json");
        assertEquals(0, second.exitCode(), second::toString);
        assertTrue(second.lastLineJson().get("reused").asBoolean());
        assertTrue(second.stderr().contains("up to date"), second.stderr());

        Path half = tmp.resolve("half");
        CliRun other = CliRun.of("encode", "--data", data.toString(), "--encoder", "random-tiny:1", "--precision", "float16",
                "--cache", half.toString(), "--json");
        assertEquals(0, other.exitCode(), other::toString);
        JsonNode c = other.lastLineJson();
        assertFalse(c.get("reused").asBoolean());
        assertNotEquals(a.get("encoder_id"), c.get("encoder_id"));
        assertEquals(half.toString(), c.get("cache_dir").asText());
        assertEquals("FLOAT16", FeatureCache.readMetadata(half).precision().name());

        CliRun switched = CliRun.of("encode", "--data", data.toString(), "--encoder", "random-tiny", "--cache",
                half.toString(), "--json");
        assertFalse(switched.lastLineJson().get("reused").asBoolean(), "another encoder in the same folder rebuilds it");
    }

    @Test
    void benchEncodeReportsFramesPerSecondAndTheMatmulFraction() {
        CliRun run = CliRun.of("bench", "encode", "--encoder", "random-tiny", "--batch", "4", "--warmup", "0", "--runs", "1",
                "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode json = run.lastLineJson();
        assertTrue(json.get("frames_per_second").asDouble() > 0);
        assertTrue(json.get("matmul_gflops").asDouble() > 0);
        double fraction = json.get("matmul_fraction").asDouble();
        assertEquals(json.get("achieved_gflops").asDouble() / json.get("matmul_gflops").asDouble(), fraction, 1e-9);
        assertEquals(4, json.get("batch").asInt());
    }

    @Test
    void badValuesAreNamed() {
        CliRun unknown = CliRun.of("encode", "--data", data.toString(), "--encoder", "imaginary");
        assertEquals(1, unknown.exitCode(), unknown::toString);
        assertTrue(unknown.stderr().contains("encoder 'imaginary'"), unknown.stderr());
        CliRun precision = CliRun.of("encode", "--data", data.toString(), "--precision", "int8");
        assertEquals(2, precision.exitCode());
        assertTrue(precision.stderr().contains("--precision: expected one of float32, float16, got 'int8'"), precision.stderr());
        CliRun both = CliRun.of("pretrain-encoder", "--data", data.toString(), "--out", tmp.resolve("x").toString(),
                "--steps", "3", "--epochs", "1");
        assertEquals(2, both.exitCode());
        assertTrue(both.stderr().contains("--steps/--epochs: expected one of them"), both.stderr());
        CliRun fraction = CliRun.of("probe", "--data", data.toString(), "--test-fraction", "1.5");
        assertEquals(2, fraction.exitCode());
        assertTrue(fraction.stderr().contains("--test-fraction: expected a number strictly between 0 and 1, got 1.5"),
                fraction.stderr());
    }
}
