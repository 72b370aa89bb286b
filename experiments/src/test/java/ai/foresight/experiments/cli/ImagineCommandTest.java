package ai.foresight.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.datasets.generate.DatasetGenerator;
import ai.foresight.datasets.generate.GenerateSpec;
import ai.foresight.experiments.report.GifFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagineCommandTest {
    @TempDir
    Path tmp;

    private Path data;

    @BeforeEach
    void recordTwoEpisodes() throws IOException {
        data = tmp.resolve("data");
        DatasetGenerator.generate(new GenerateSpec("wall", 2, 20, 32, List.of(), 4), data, done -> {});
    }

    @Test
    void writesAGifWithOneFramePerImaginedStep() throws IOException {
        Path model = ModelDirectoryFixture.write(tmp.resolve("model"), data, true);
        CliRun run = CliRun.of("imagine", "--model", model.toString(), "--data", data.toString(), "--episode", "1",
                "--steps", "5", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode json = run.lastLineJson();
        Path gif = Path.of(json.get("gif").asText());
        assertEquals(model.resolve("imagine").resolve("episode-1.gif"), gif);
        assertEquals(5, GifFiles.frameCount(gif));
        assertEquals(5, json.get("gif_frames").asInt());
        assertEquals(5, json.get("latent_mse").size());
        assertEquals("[0,2]", json.get("context_frames").toString()); // tiny preset: history 2, frameskip 2
        assertEquals("[4,6,8,10,12]", json.get("target_frames").toString());
        assertTrue(Files.size(Path.of(json.get("error_chart").asText())) > 0);
        assertEquals(json, CliRun.readJson(model.resolve("imagine").resolve("result.json")));

        CliRun all = CliRun.of("imagine", "--model", model.toString(), "--data", data.toString(), "--episode", "0",
                "--out", tmp.resolve("all").toString(), "--json");
        assertEquals(0, all.exitCode(), all::toString);
        assertEquals(8, all.lastLineJson().get("steps").asInt()); // as many as 20 frames allow
        assertEquals(8, GifFiles.frameCount(tmp.resolve("all").resolve("episode-0.gif")));
    }

    @Test
    void aModelWithoutDecoderAndBadFlagsGetClearErrors() throws IOException {
        Path plain = ModelDirectoryFixture.write(tmp.resolve("plain"), data, false);
        CliRun none = CliRun.of("imagine", "--model", plain.toString(), "--data", data.toString(), "--episode", "0");
        assertEquals(1, none.exitCode(), none::toString);
        assertTrue(none.stderr().contains("has no pixel decoder"), none.stderr());
        assertTrue(!Files.exists(plain.resolve("imagine").resolve("episode-0.gif")));

        Path model = ModelDirectoryFixture.write(tmp.resolve("model"), data, true);
        CliRun episode = CliRun.of("imagine", "--model", model.toString(), "--data", data.toString(), "--episode", "2");
        assertEquals(2, episode.exitCode());
        assertTrue(episode.stderr().contains("--episode: expected 0..1 (the dataset has 2 episodes), got 2"), episode.stderr());
        CliRun steps = CliRun.of("imagine", "--model", model.toString(), "--data", data.toString(), "--episode", "0",
                "--steps", "9");
        assertEquals(2, steps.exitCode());
        assertTrue(steps.stderr().contains("--steps: expected 0..8 for this episode from frame 0, got 9"), steps.stderr());
    }
}
