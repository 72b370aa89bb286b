package ai.foresight.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.foresight.experiments.pipeline.TrainedModel;
import ai.foresight.experiments.report.GifFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train (and eval) on tiny settings: a small Wall dataset, the untrained tiny ViT, the tiny predictor. */
class TrainEvalJobsSmokeTest {
    @TempDir
    static Path tmp;
    static Path data;
    static Path model;
    static JsonNode trained;

    @BeforeAll
    static void trainATinyModel() {
        data = tmp.resolve("wall");
        CliRun generated = CliRun.of("generate", "--world", "wall", "--episodes", "6", "--steps", "16", "--size", "32",
                "--out", data.toString());
        assertEquals(0, generated.exitCode(), generated::toString);
        model = tmp.resolve("model");
        CliRun run = CliRun.of("train", "--data", data.toString(), "--encoder", "random-tiny", "--preset", "tiny",
                "--steps", "30", "--out", model.toString(), "--json");
        assertEquals(0, run.exitCode(), run::toString);
        trained = run.lastLineJson();
    }

    @Test
    void trainWritesALoadableModelDirectoryAndHeadlineFigures() throws Exception {
        for (String key : new String[] {"val_one_step_mse", "copy_last_mse", "ratio", "open_loop_5_mse", "seconds"}) {
            assertTrue(trained.get(key).isNumber(), key + " in " + trained);
        }
        assertEquals(trained.get("val_one_step_mse").asDouble() / trained.get("copy_last_mse").asDouble(),
                trained.get("ratio").asDouble(), 1e-9);
        assertEquals(model.toString(), trained.get("model_dir").asText());
        assertEquals(30, trained.get("steps").asInt());
        double fraction = trained.get("peak_fraction").asDouble();
        assertTrue(fraction > 0 && fraction < 1, "counted training FLOPs stay under the matmul peak: " + trained);
        assertEquals(trained.get("train_gflops").asDouble() / trained.get("matmul_peak_gflops").asDouble(), fraction, 1e-12);
        assertTrue(Files.isRegularFile(model.resolve("loss.png")));
        assertTrue(Files.isRegularFile(model.resolve("metrics.jsonl")));
        assertTrue(Files.isDirectory(data.resolve("features")), "features cached beside the dataset");
        try (NDManager m = NDManager.newBaseManager(); TrainedModel loaded = TrainedModel.load(model, m)) {
            assertEquals("wall", loaded.world());
            assertEquals(16, loaded.encoder().tokens());
            assertEquals(2, loaded.normalization().actionDim());
            assertEquals(30, loaded.manifest().steps());
            assertEquals(32, loaded.newEnv().spec().frameHeight());
        }
    }

    @Test
    void trainWithTheDecoderLeavesThePredictorAloneAndImagineDrawsItsRollouts() throws Exception {
        Path withDecoder = tmp.resolve("model-decoder");
        CliRun run = CliRun.of("train", "--data", data.toString(), "--encoder", "random-tiny", "--preset", "tiny",
                "--steps", "30", "--decoder", "--out", withDecoder.toString(), "--json");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.stderr().contains("foresight imagine --model " + withDecoder), run::toString);
        assertEquals(trained.get("val_one_step_mse").asDouble(), run.lastLineJson().get("val_one_step_mse").asDouble(), 0.0,
                "the decoder reads detached latents and is clipped apart: the predictor trains exactly as without it");
        try (NDManager m = NDManager.newBaseManager(); TrainedModel loaded = TrainedModel.load(withDecoder, m);
                TrainedModel plain = TrainedModel.load(model, m)) {
            assertNotNull(loaded.worldModel().decoder(), "the checkpoint holds the decoder");
            assertEquals(32, loaded.worldModel().config().decoder().imageSize(), "tiny's 2 x 2 token grid: 32 px");
            assertNull(plain.worldModel().decoder());
        }
        List<Double> decoder = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(withDecoder.resolve("metrics.jsonl"))) {
            JsonNode n = json.readTree(line);
            if (n.has("decoder")) {
                decoder.add(n.get("decoder").asDouble());
            }
        }
        assertEquals(30, decoder.size(), "one loss line per step");
        double first = decoder.get(0);
        double last = decoder.get(decoder.size() - 1);
        assertTrue(first > 0 && last < 0.25 * first, "the decoder's pixel MSE falls: first " + first + ", last " + last);

        CliRun imagine = CliRun.of("imagine", "--model", withDecoder.toString(), "--data", data.toString(), "--episode", "5",
                "--steps", "3", "--json");
        assertEquals(0, imagine.exitCode(), imagine::toString);
        Path gif = Path.of(imagine.lastLineJson().get("gif").asText());
        assertEquals(withDecoder.resolve("imagine").resolve("episode-5.gif"), gif);
        assertEquals(3, GifFiles.frameCount(gif));
    }

    @Test
    void aRepoModelsPosteriorCanReadEveryPatchAndTheTokenGridCanBeChosen() throws Exception {
        Path repo = tmp.resolve("model-repo-patches");
        CliRun run = CliRun.of("train", "--data", data.toString(), "--encoder", "random-tiny", "--preset", "tiny",
                "--mode", "repo", "--token-grid", "1", "--steps", "5", "--out", repo.toString(), "--json");
        assertEquals(0, run.exitCode(), run::toString);
        try (NDManager m = NDManager.newBaseManager(); TrainedModel loaded = TrainedModel.load(repo, m)) {
            assertTrue(loaded.worldModel().config().repo().posteriorReadsPatches(), "the default");
            assertTrue(loaded.worldModel().posterior().readsPatches());
            assertEquals(1, loaded.worldModel().config().predictor().tokenGrid(), "the flag's grid, not tiny's 2 x 2");
        }
        Path perToken = tmp.resolve("model-repo-tokens");
        CliRun tokens = CliRun.of("train", "--data", data.toString(), "--encoder", "random-tiny", "--preset", "tiny",
                "--mode", "repo", "--posterior-input", "tokens", "--steps", "5", "--out", perToken.toString(), "--json");
        assertEquals(0, tokens.exitCode(), tokens::toString);
        try (NDManager m = NDManager.newBaseManager(); TrainedModel loaded = TrainedModel.load(perToken, m)) {
            assertFalse(loaded.worldModel().posterior().readsPatches(), "RePo's per-token posterior on request");
        }
        try (NDManager m = NDManager.newBaseManager(); TrainedModel plain = TrainedModel.load(model, m)) {
            assertEquals(2, plain.worldModel().config().predictor().tokenGrid(), "the preset's grid by default");
        }
        CliRun input = CliRun.of("train", "--data", data.toString(), "--posterior-input", "pixels", "--out", tmp.resolve("y").toString());
        assertEquals(2, input.exitCode());
        assertTrue(input.stderr().contains("--posterior-input: expected one of tokens, patches"), input.stderr());
        CliRun grid = CliRun.of("train", "--data", data.toString(), "--token-grid", "-2", "--out", tmp.resolve("z").toString());
        assertEquals(2, grid.exitCode());
        assertTrue(grid.stderr().contains("--token-grid"), grid.stderr());
    }

    @Test
    void rerunningACompletedTrainingResumesWithoutSteps() {
        CliRun again = CliRun.of("train", "--data", data.toString(), "--encoder", "random-tiny", "--preset", "tiny",
                "--steps", "30", "--out", model.toString(), "--json");
        assertEquals(0, again.exitCode(), again::toString);
        assertEquals(0.0, again.lastLineJson().get("encode_seconds").asDouble(), "cached features are reused");
        assertEquals(trained.get("val_one_step_mse").asDouble(), again.lastLineJson().get("val_one_step_mse").asDouble(), 1e-9);
    }

    @Test
    void probeOfAFeatureModelsLatentEqualsItsPooledPatchesAndCoversTheShapes() throws Exception {
        Path shapes = tmp.resolve("wall-shapes");
        CliRun generated = CliRun.of("generate", "--world", "wall", "--episodes", "5", "--steps", "12", "--size", "32",
                "--distractor", "shapes", "--seed", "3", "--out", shapes.toString());
        assertEquals(0, generated.exitCode(), generated::toString);
        CliRun probe = CliRun.of("probe", "--model", model.toString(), "--data", shapes.toString(), "--test-fraction", "0.4",
                "--out", tmp.resolve("probe-model").toString(), "--json");
        assertEquals(0, probe.exitCode(), probe::toString);
        JsonNode json = probe.lastLineJson();
        assertEquals("dino-wm", json.get("mode").asText());
        assertEquals("[\"x\",\"y\",\"shape0_x\",\"shape0_y\",\"shape1_x\",\"shape1_y\",\"shape2_x\",\"shape2_y\","
                + "\"shape3_x\",\"shape3_y\"]", json.get("targets").toString());
        // in DINO-WM mode the latent is the pooled patches: the two probes see the same numbers
        for (String target : new String[] {"x", "y", "shape0_x", "shape3_y"}) {
            assertEquals(json.get("r2").get("patches").get(target).asDouble(), json.get("r2").get("latent").get(target).asDouble(),
                    1e-9, target);
        }
        assertTrue(json.get("distractor_mean_r2").get("latent").isNumber(), json::toString);
        // the pooled patches are no bottleneck: they keep all the shapes they hold, so the verdict can't be met
        assertFalse(json.get("bottleneck").get("distractors_squeezed").asBoolean(), json::toString);
        assertFalse(json.get("bottleneck").get("met").asBoolean(), json::toString);
        assertEquals(0.9, json.get("goals").get("y").asDouble(), "a latent is held to the bottleneck's agent goal");

        CliRun maze = CliRun.of("generate", "--world", "pointmaze", "--episodes", "3", "--steps", "4", "--size", "32",
                "--out", tmp.resolve("maze").toString());
        assertEquals(0, maze.exitCode(), maze::toString);
        CliRun otherWorld = CliRun.of("probe", "--model", model.toString(), "--data", tmp.resolve("maze").toString());
        assertEquals(1, otherWorld.exitCode(), otherWorld::toString);
        assertTrue(otherWorld.stderr().contains("--data: world: expected wall"), otherWorld::toString);
    }

    @Test
    void evalWritesAReportWithSuccessTableChartsAndGifs() throws Exception {
        Path report = tmp.resolve("eval");
        CliRun run = CliRun.of("eval", "--model", model.toString(), "--pairs", "3", "--budget", "8", "--horizon", "2",
                "--samples", "16", "--iterations", "2", "--gifs", "1", "--out", report.toString(), "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode json = run.lastLineJson();
        double rate = json.get("success_rate").asDouble();
        assertEquals(json.get("successes").asInt() / 3.0, rate, 1e-12);
        assertTrue(json.get("success_ci95_low").asDouble() <= rate + 1e-12 && rate <= json.get("success_ci95_high").asDouble() + 1e-12,
                json::toString);
        assertTrue(json.get("final_distance_mean").asDouble() >= 0);
        assertTrue(json.get("plan_seconds_median").asDouble() > 0);
        assertEquals(8, json.get("budget").asInt());
        assertEquals(3 * 4, json.get("replans").asInt(), "8 steps in chunks of one model step (k = 2) = 4 plans per pair");
        Path html = Path.of(json.get("report").asText());
        assertEquals(report.resolve("report.html"), html);
        String page = Files.readString(html);
        assertTrue(page.contains("95% Wilson interval") && page.contains("episode-00.gif"), page);
        assertTrue(Files.size(report.resolve("distances.png")) > 1000);
        assertTrue(Files.size(report.resolve("plan-times.png")) > 1000);
        assertEquals(9, ai.foresight.experiments.report.GifFiles.frameCount(report.resolve("episode-00.gif")),
                "the start frame and 8 steps");
        assertTrue(Files.notExists(report.resolve("episode-01.gif")));
        assertEquals(json, CliRun.readJson(report.resolve("result.json")));

        CliRun open = CliRun.of("eval", "--model", model.toString(), "--pairs", "2", "--open-loop", "--horizon", "3",
                "--samples", "16", "--iterations", "2", "--gifs", "0", "--json");
        assertEquals(0, open.exitCode(), open::toString);
        assertEquals(6, open.lastLineJson().get("budget").asInt(), "open loop: one plan of 3 model steps x frameskip 2");
        assertEquals(2, open.lastLineJson().get("replans").asInt(), "planned once per pair");
        assertTrue(Files.isRegularFile(model.resolve("eval-wall-cem-open-loop").resolve("report.html")));

        CliRun ceiling = CliRun.of("eval", "--model", model.toString(), "--pairs", "2", "--budget", "8", "--horizon", "2",
                "--samples", "16", "--iterations", "2", "--init-sigma", "1.5", "--gifs", "0", "--true-dynamics", "--json");
        assertEquals(0, ceiling.exitCode(), ceiling::toString);
        JsonNode c = ceiling.lastLineJson();
        assertTrue(c.get("true_dynamics").asBoolean() && c.get("init_sigma").asDouble() == 1.5, c::toString);
        assertFalse(c.has("forecast_error_median"), "no model, so no model miss: " + c);
        String ceilingPage = Files.readString(model.resolve("eval-wall-cem-true-dynamics").resolve("report.html"));
        assertTrue(ceilingPage.contains("on the true dynamics") && ceilingPage.contains("initial sigma 1.5"), ceilingPage);
    }

    @Test
    void evalPlansWithAnEnsembleOfModelsTrainedAlike() throws Exception {
        Path member = tmp.resolve("model-seed1");
        CliRun trainedMember = CliRun.of("train", "--data", data.toString(), "--encoder", "random-tiny", "--preset", "tiny",
                "--steps", "30", "--seed", "1", "--out", member.toString());
        assertEquals(0, trainedMember.exitCode(), trainedMember::toString);
        Path report = tmp.resolve("eval-ensemble");
        CliRun run = CliRun.of("eval", "--model", model.toString(), "--ensemble", member.toString(), "--pairs", "2", "--budget", "4",
                "--horizon", "2", "--samples", "16", "--iterations", "2", "--gifs", "0", "--out", report.toString(), "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode json = run.lastLineJson();
        assertEquals(2, json.get("ensemble_size").asInt(), json::toString);
        assertEquals(1.0, json.get("disagreement_weight").asDouble(), 0.0, "the members' expected cost by default");
        assertTrue(Files.readString(report.resolve("report.html")).contains("2 models: this one and [" + member + "]"));

        CliRun notAModel = CliRun.of("eval", "--model", model.toString(), "--ensemble", tmp.resolve("nothing").toString(), "--pairs", "1");
        assertEquals(1, notAModel.exitCode());
        assertTrue(notAModel.stderr().contains("not a model directory"), notAModel.stderr());
        CliRun lonely = CliRun.of("eval", "--model", model.toString(), "--disagreement-weight", "2");
        assertEquals(2, lonely.exitCode());
        assertTrue(lonely.stderr().contains("--disagreement-weight: expected no weight without --ensemble"), lonely.stderr());
    }

    @Test
    void badFlagsAreNamed() {
        CliRun run = CliRun.of("train", "--data", data.toString(), "--preset", "huge", "--out", tmp.resolve("x").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("--preset: expected one of tiny, wall, pointmaze, pusht"), run.stderr());
        CliRun eval = CliRun.of("eval", "--model", model.toString(), "--planner", "random");
        assertEquals(2, eval.exitCode());
        assertTrue(eval.stderr().contains("--planner: expected one of cem, icem, mppi, gd, cem-gd"), eval.stderr());
        CliRun sigma = CliRun.of("eval", "--model", model.toString(), "--init-sigma", "-1");
        assertEquals(2, sigma.exitCode());
        assertTrue(sigma.stderr().contains("--init-sigma: expected a finite standard deviation >= 0"), sigma.stderr());
        CliRun noModel = CliRun.of("eval", "--model", tmp.resolve("nothing").toString());
        assertEquals(1, noModel.exitCode());
        assertTrue(noModel.stderr().contains("not a model directory"), noModel.stderr());
    }
}
