package ai.foresight.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {
    @TempDir
    Path tmp;

    @Test
    void reportsEveryEngineAndAPositiveMatmulThroughput() {
        CliRun run = CliRun.of("doctor", "--matmul-size", "128", "--reps", "3", "--json", "--out", tmp.toString());
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode json = run.lastLineJson();
        assertTrue(json.get("ok").asBoolean(), run::toString);
        assertEquals(0, json.get("failures").size());
        assertEquals("17", json.get("java_version").asText().split("\\.")[0]);
        assertEquals("0.36.0", json.get("djl_version").asText());
        assertEquals("2.7.1", json.get("libtorch_version").asText());
        assertEquals("1.0.0-M2.1", json.get("nd4j_version").asText());
        assertEquals("4.5.5", json.get("opencv_version").asText());
        assertTrue(json.get("torch_threads").asInt() >= 1);
        assertEquals(128, json.get("matmul_n").asInt());
        double gflops = json.get("matmul_gflops").asDouble();
        assertTrue(gflops > 0, "GFLOP/s: " + gflops);
        assertEquals(2.0 * 128 * 128 * 128 / json.get("matmul_seconds_median").asDouble() / 1e9, gflops, 1e-6 * gflops);
        assertEquals(json, CliRun.readJson(tmp.resolve("result.json")));
        assertEquals(128, CliRun.readJson(tmp.resolve("config.json")).get("matmul-size").asInt());
        assertTrue(run.stderr().contains("matmul"), "the human report goes to stderr under --json");
    }
}
