package ai.foresight.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.datasets.store.Dataset;
import ai.foresight.datasets.worlds.Worlds;
import ai.foresight.experiments.report.GifFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke tests of the jobs that run the datasets module end to end (generate, show, quickstart --fast,
 * bench generate) on tiny settings. They need the worlds, the store and the generator from the
 * datasets branches: before those merge, these tests fail with "... is not written yet".
 */
class PipelineJobsSmokeTest {
    @TempDir
    Path tmp;


    @Test
    void generateWritesADatasetAndItsSummary() throws IOException {
        Path out = tmp.resolve("wall");
        CliRun run = CliRun.of("generate", "--world", "wall", "--episodes", "2", "--steps", "5", "--seed", "1",
                "--out", out.toString(), "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode json = run.lastLineJson();
        assertEquals("wall", json.get("world").asText());
        assertEquals(10, json.get("frames").asInt());
        assertTrue(json.get("frames_per_second").asDouble() > 0);
        assertEquals(out.toString(), json.get("out").asText());
        assertEquals(json, CliRun.readJson(out.resolve("result.json")));
        assertEquals("wall", CliRun.readJson(out.resolve("config.json")).get("world").asText());

        Dataset dataset = Dataset.open(out);
        assertEquals(2, dataset.size());
        assertEquals(5, dataset.episode(1).length());
        assertEquals(64, dataset.manifest().height());
    }

    @Test
    void showDrawsObservedBesideCleanFramesOfADistractedDataset() throws IOException {
        Path data = tmp.resolve("tv");
        CliRun generated = CliRun.of("generate", "--world", "wall", "--episodes", "2", "--steps", "6",
                "--distractor", "tv", "--out", data.toString());
        assertEquals(0, generated.exitCode(), generated::toString);

        CliRun run = CliRun.of("show", data.toString(), "--episode", "1", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode json = run.lastLineJson();
        Path gif = Path.of(json.get("gif").asText());
        assertEquals(data.resolve("show").resolve("episode-1.gif"), gif);
        assertEquals(6, GifFiles.frameCount(gif));
        assertTrue(json.get("clean_shown").asBoolean());
        BufferedImage first = ImageIO.read(gif.toFile());
        assertEquals(256 + 4 + 256, first.getWidth());
        assertTrue(Files.exists(Path.of(json.get("contact_sheet").asText())));
        assertTrue(Files.exists(data.resolve("show").resolve("result.json")));

        CliRun outOfRange = CliRun.of("show", data.toString(), "--episode", "2");
        assertEquals(2, outOfRange.exitCode());
        assertTrue(outOfRange.stderr().contains("--episode: expected 0..1"), outOfRange.stderr());
    }

    @Test
    void quickstartRunsThePipelineOnFastSettings() throws Exception {
        Path out = tmp.resolve("quickstart");
        CliRun run = CliRun.of("quickstart", "--fast", "--out", out.toString(), "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode json = run.lastLineJson();
        assertTrue(Files.isDirectory(Path.of(json.get("dataset").asText())));
        assertTrue(Files.isRegularFile(Path.of(json.get("gif").asText())));
        assertEquals(6 * 16, json.get("frames").asInt());
        double rate = json.get("success_rate").asDouble();
        assertTrue(rate == 0 || rate == 0.5 || rate == 1, "2 pairs: " + rate);
        assertTrue(Files.isRegularFile(Path.of(json.get("model_dir").asText()).resolve("model.json")));
        assertTrue(Files.isRegularFile(Path.of(json.get("report").asText())));
        for (int i = 1; i <= 6; i++) {
            assertTrue(run.stderr().contains("[" + i + "/6]"), run.stderr());
        }
        Path imagined = Path.of(json.get("imagined_gif").asText());
        assertTrue(imagined.startsWith(out.resolve("imagine")) && Files.size(imagined) > 1000, imagined::toString);
        assertTrue(run.stderr().contains("Success rate"), run.stderr());
        assertEquals(json, CliRun.readJson(out.resolve("result.json")));
    }

    @Test
    void benchReportsFramesPerSecondForEveryWorld() {
        CliRun run = CliRun.of("bench", "generate", "--episodes", "1", "--steps", "4", "--runs", "1", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode fps = run.lastLineJson().get("frames_per_second");
        for (String world : Worlds.ids()) {
            assertTrue(fps.get(world).asDouble() > 0, world + ": " + fps);
        }
        assertEquals(5000.0, run.lastLineJson().get("goals").get("wall").asDouble());
    }
}
