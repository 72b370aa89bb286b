package ai.foresight.datasets.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.datasets.store.Dataset;
import ai.foresight.datasets.store.Episode;
import ai.foresight.datasets.worlds.Worlds;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The production path: every built-in world, with and without distractors, through the store and back. */
class BuiltInWorldsGenerateTest {
    @TempDir Path tmp;

    static List<String> worlds() {
        return Worlds.ids();
    }

    @ParameterizedTest
    @MethodSource("worlds")
    void generatesReadableDatasetsWithCleanPairs(String world) throws Exception {
        Path out = tmp.resolve(world);
        DatasetGenerator.generate(new GenerateSpec(world, 2, 6, 32, List.of("shapes", "lighting"), 3), out, i -> {});
        Dataset dataset = Dataset.open(out);
        assertEquals(2, dataset.size());
        Episode ep = dataset.episode(1);
        assertEquals(6, ep.length());
        assertTrue(ep.hasCleanFrames(), "distracted datasets keep the clean frame of each state");
        assertNotEquals(ep.frame(0), ep.cleanFrame(0), "the distractors change the observed frame");
    }
}
