package ai.foresight.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.experiments.planbench.PredictorFlops;
import ai.foresight.worldmodel.PredictorConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchPlanCommandTest {
    @TempDir
    Path tmp;

    @Test
    void tinyPresetPrintsTheHeadlineKeys() {
        Path out = tmp.resolve("bench");
        CliRun run = CliRun.of("bench", "plan", "--preset", "tiny", "--samples", "16", "--elites", "4", "--horizon", "2",
                "--iterations", "2", "--plans", "2", "--warmup", "1", "--pairs", "1", "--matmul-sizes", "64",
                "--threads", "1", "--out", out.toString(), "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode json = run.lastLineJson();
        for (String key : List.of("plan_seconds_median", "plan_seconds_p90", "gflops_achieved", "gflops_peak",
                "efficiency", "icem_evaluation_ratio")) {
            assertTrue(json.has(key) && json.get(key).isNumber(), key + " in " + json);
        }
        assertTrue(json.get("plan_seconds_p90").asDouble() >= json.get("plan_seconds_median").asDouble());
        assertTrue(json.get("gflops_peak").asDouble() > 0);
        assertEquals(json.get("gflops_achieved").asDouble() / json.get("gflops_peak").asDouble(),
                json.get("efficiency").asDouble(), 1e-9);
        PredictorFlops flops = new PredictorFlops(PredictorConfig.tiny(), 8, false);
        assertEquals(flops.planFlops(16 * 2, 2, 2), json.get("flops_per_plan").asLong());
        assertTrue(json.get("model").asText().contains("fresh weights"), json.get("model").asText());
        assertEquals(1, json.get("torch_threads").asInt());
        assertTrue(json.get("breakdown").get("gemm_seconds").asDouble() > 0);
        assertEquals(json, CliRun.readJson(out.resolve("result.json")));
        assertTrue(run.stderr().contains("where a CEM plan's"), run.stderr());
    }

    @Test
    void aModelDirectoryIsTimedWithItsOwnWeights() throws java.io.IOException {
        Path data = tmp.resolve("data");
        ai.foresight.datasets.generate.DatasetGenerator.generate(
                new ai.foresight.datasets.generate.GenerateSpec("wall", 1, 10, 32, List.of(), 4), data, done -> {});
        Path model = ModelDirectoryFixture.write(tmp.resolve("model"), data, false);
        CliRun run = CliRun.of("bench", "plan", "--model", model.toString(), "--samples", "8", "--elites", "2",
                "--horizon", "2", "--iterations", "2", "--plans", "1", "--warmup", "0", "--pairs", "1", "--planners", "cem",
                "--matmul-sizes", "64", "--threads", "1", "--no-breakdown", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode json = run.lastLineJson();
        assertTrue(json.get("trained_weights").asBoolean());
        assertTrue(json.get("model").asText().startsWith("trained model " + model), json.get("model").asText());
        assertTrue(json.get("icem_evaluation_ratio").isNull());
        // the tiny ViT gives 4x4 patches of 32 dims: the predictor's latent width is 32, not the preset's 8
        PredictorFlops flops = new PredictorFlops(PredictorConfig.tiny().withEncoder(32, 4), 32, false);
        assertEquals(flops.planFlops(8 * 2, 2, 2), json.get("flops_per_plan").asLong());
        assertTrue(!json.has("breakdown"));

        CliRun both = CliRun.of("bench", "plan", "--model", model.toString(), "--feature-dim", "64");
        assertEquals(2, both.exitCode());
        assertTrue(both.stderr().contains("--feature-dim: expected 0 with --model"), both.stderr());
    }

    @Test
    void badFlagsNameTheFlag() {
        CliRun elites = CliRun.of("bench", "plan", "--samples", "10", "--elites", "6");
        assertEquals(2, elites.exitCode());
        assertTrue(elites.stderr().contains("--elites: expected at most --samples / 2 (5), got 6"), elites.stderr());
        CliRun planner = CliRun.of("bench", "plan", "--planners", "cem,foo");
        assertEquals(2, planner.exitCode());
        assertTrue(planner.stderr().contains("--planners: expected one of cem, icem, mppi, got 'foo'"), planner.stderr());
    }
}
