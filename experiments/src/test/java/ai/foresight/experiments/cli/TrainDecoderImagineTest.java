package ai.foresight.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train --decoder on tiny settings, then imagine with the model it wrote. */
class TrainDecoderImagineTest {
    @TempDir
    Path tmp;

    @Test
    void aModelTrainedWithTheDecoderImaginesAnEpisodeAndItsDecoderLossFalls() throws Exception {
        Path data = tmp.resolve("wall");
        CliRun generated = CliRun.of("generate", "--world", "wall", "--episodes", "6", "--steps", "16", "--size", "32",
                "--out", data.toString());
        assertEquals(0, generated.exitCode(), generated::toString);
        Path model = tmp.resolve("model");
        CliRun train = CliRun.of("train", "--data", data.toString(), "--encoder", "random-tiny", "--preset", "tiny",
                "--steps", "30", "--decoder", "--out", model.toString(), "--json");
        assertEquals(0, train.exitCode(), train::toString);
        assertTrue(train.stderr().contains("foresight imagine --model " + model), train::toString);

        try (NDManager m = NDManager.newBaseManager(); TrainedModel loaded = TrainedModel.load(model, m)) {
            assertNotNull(loaded.worldModel().decoder(), "the checkpoint holds the decoder");
            assertEquals(32, loaded.worldModel().config().decoder().imageSize(), "tiny's 2 x 2 token grid: 32 px");
        }
        List<Double> decoder = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(model.resolve("metrics.jsonl"))) {
            JsonNode n = json.readTree(line);
            if (n.has("decoder")) {
                decoder.add(n.get("decoder").asDouble());
            }
        }
        assertEquals(30, decoder.size(), "one loss line per step");
        double first = decoder.get(0);
        double last = decoder.get(decoder.size() - 1);
        assertTrue(first > 0 && last < 0.25 * first, "decoder MSE should fall: first " + first + ", last " + last);

        CliRun imagine = CliRun.of("imagine", "--model", model.toString(), "--data", data.toString(), "--episode", "5",
                "--steps", "3", "--json");
        assertEquals(0, imagine.exitCode(), imagine::toString);
        Path gif = Path.of(imagine.lastLineJson().get("gif").asText());
        assertEquals(model.resolve("imagine").resolve("episode-5.gif"), gif);
        assertEquals(3, GifFiles.frameCount(gif));
    }
}
