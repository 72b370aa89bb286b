package ai.foresight.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.foresight.adaptation.ParameterHash;
import ai.foresight.adaptation.encoder.AdaptedPatchEncoder;
import ai.foresight.experiments.adapt.AdaptedFiles;
import ai.foresight.experiments.pipeline.TrainedModel;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** adapt on tiny settings: a tiny RePo model of a 32 px Wall, a colour-shifted target recorded with clean frames. */
class AdaptJobSmokeTest {
    @TempDir
    static Path tmp;
    static Path source;
    static Path target;
    static Path model;

    @BeforeAll
    static void trainATinyModelAndRecordATarget() {
        source = tmp.resolve("wall");
        target = tmp.resolve("wall-color");
        model = tmp.resolve("model");
        for (String[] args : new String[][] {
            {"generate", "--world", "wall", "--episodes", "6", "--steps", "16", "--size", "32", "--out", source.toString()},
            {"generate", "--world", "wall", "--episodes", "4", "--steps", "16", "--size", "32", "--distractor", "color-shift",
                "--seed", "3", "--out", target.toString()},
            {"train", "--data", source.toString(), "--encoder", "random-tiny", "--preset", "tiny", "--mode", "repo", "--steps", "10",
                "--out", model.toString()}}) {
            CliRun run = CliRun.of(args);
            assertEquals(0, run.exitCode(), run::toString);
        }
    }

    @Test
    void adaptEvaluatesBeforeAndAfterAndWritesReportCurvesAndAdaptedFiles() throws Exception {
        Path out = tmp.resolve("adapt");
        String checkpointHash;
        try (NDManager m = NDManager.newBaseManager(); TrainedModel trained = TrainedModel.load(model, m)) {
            checkpointHash = ParameterHash.of(trained.worldModel().parameters());
        }
        CliRun run = CliRun.of("adapt", "--model", model.toString(), "--source-data", source.toString(), "--target-data",
                target.toString(), "--out", out.toString(), "--steps", "4", "--batch", "2", "--source-batch", "8", "--probe-every", "2",
                "--pairs", "2", "--budget", "4", "--horizon", "2", "--samples", "16", "--iterations", "2", "--adapters", "color,affine,pixel",
                "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode json = run.lastLineJson();
        for (String key : new String[] {"success_in_domain", "success_before", "success_after", "seconds", "mmd2_before", "mmd2_after",
            "paired_mse_before", "paired_mse_after"}) {
            assertTrue(json.get(key).isNumber(), key + " in " + json);
        }
        for (String key : new String[] {"success_in_domain", "success_before", "success_after"}) {
            double rate = json.get(key).asDouble();
            assertTrue(rate == 0 || rate == 0.5 || rate == 1, key + " of 2 pairs: " + rate);
        }
        assertTrue(json.get("frozen_parts_unchanged").asBoolean());
        assertEquals(json, CliRun.readJson(out.resolve("result.json")));
        String page = Files.readString(out.resolve("report.html"));
        assertTrue(page.contains("before") && page.contains("after") && page.contains("alignment.png"), page);
        assertTrue(Files.size(out.resolve("alignment.png")) > 1000);
        assertTrue(Files.size(out.resolve("alignment-losses.png")) > 1000);
        assertEquals(3 + 4, Files.readAllLines(out.resolve("alignment.jsonl")).size(), "probes at 0, 2, 4 and four updates");

        try (NDManager m = NDManager.newBaseManager(); TrainedModel trained = TrainedModel.load(model, m)) {
            assertEquals(checkpointHash, ParameterHash.of(trained.worldModel().parameters()), "the model directory is untouched");
            String frozen = ParameterHash.frozenParts(trained.worldModel());
            String posterior = ParameterHash.posterior(trained.worldModel());
            try (AdaptedPatchEncoder adapted = AdaptedFiles.load(out.resolve("adapted"), trained.encoder(), trained.worldModel())) {
                assertEquals(frozen, ParameterHash.frozenParts(trained.worldModel()), "only the posterior comes from the adapted files");
                assertFalse(posterior.equals(ParameterHash.posterior(trained.worldModel())), "the adapted posterior is loaded");
                NDArray x = m.randomUniform(0, 1, new ai.djl.ndarray.types.Shape(1, 3, 32, 32));
                assertFalse(java.util.Arrays.equals(trained.encoder().encode(x).toFloatArray(), adapted.encode(x).toFloatArray()),
                        "the adapters moved");
                assertArrayEquals(new long[] {1, 16, 32}, adapted.encode(x).getShape().getShape());
            }
        }
    }

    @Test
    void afterOnlySkipsTheTwoEvaluationsThatDoNotDependOnTheAdaptation() throws Exception {
        Path out = tmp.resolve("after-only");
        CliRun run = CliRun.of("adapt", "--model", model.toString(), "--source-data", source.toString(), "--target-data",
                target.toString(), "--out", out.toString(), "--steps", "2", "--batch", "2", "--source-batch", "8", "--probe-every", "2",
                "--pairs", "1", "--budget", "2", "--horizon", "1", "--samples", "8", "--iterations", "1", "--after-only", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode json = run.lastLineJson();
        assertTrue(json.get("success_in_domain").isNull() && json.get("success_before").isNull(), json.toString());
        assertTrue(json.get("success_after").isNumber() && json.get("success_after_ci95_low").isNumber(), json.toString());
        assertFalse(json.has("success_before_ci95_low"), json.toString());
        assertEquals(1, json.get("pairs").asInt());
        assertFalse(run.stdout().contains("before adapting"), run.stdout());
    }

    @Test
    void aTargetOfAnotherSizeOrWorldGetsAClearError() {
        Path big = tmp.resolve("wall-48");
        Path maze = tmp.resolve("maze");
        assertEquals(0, CliRun.of("generate", "--world", "wall", "--episodes", "1", "--steps", "16", "--size", "48",
                "--distractor", "color-shift", "--out", big.toString()).exitCode());
        assertEquals(0, CliRun.of("generate", "--world", "pointmaze", "--episodes", "1", "--steps", "16", "--size", "32",
                "--out", maze.toString()).exitCode());
        CliRun size = CliRun.of("adapt", "--model", model.toString(), "--source-data", source.toString(), "--target-data",
                big.toString(), "--out", tmp.resolve("x").toString(), "--pairs", "0");
        assertTrue(size.exitCode() != 0);
        assertTrue(size.stderr().contains("--target-data: frame size: expected 32x32 (the model's frames), got 48x48"), size.stderr());
        CliRun world = CliRun.of("adapt", "--model", model.toString(), "--source-data", maze.toString(), "--target-data",
                target.toString(), "--out", tmp.resolve("y").toString(), "--pairs", "0");
        assertTrue(world.exitCode() != 0);
        assertTrue(world.stderr().contains("--source-data: world: expected 'wall' (the model's world), got 'pointmaze'"), world.stderr());
        CliRun flag = CliRun.of("adapt", "--model", model.toString(), "--source-data", source.toString(), "--target-data",
                target.toString(), "--out", tmp.resolve("z").toString(), "--adapters", "color,lens");
        assertEquals(2, flag.exitCode());
        assertTrue(flag.stderr().contains("--adapters: expected one of color, affine, residual, pixel, none, got 'lens'"), flag.stderr());
    }
}
