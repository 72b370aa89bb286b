package ai.foresight.experiments.adapt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.foresight.datasets.env.Env;
import ai.foresight.datasets.generate.DatasetGenerator;
import ai.foresight.datasets.generate.EpisodeSeeds;
import ai.foresight.datasets.generate.GenerateSpec;
import ai.foresight.datasets.store.Dataset;
import ai.foresight.datasets.store.DatasetManifest;
import ai.foresight.datasets.store.Episode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetDomainTest {

    @Test
    void theTargetWorldRendersExactlyLikeTheTargetDataset(@TempDir Path dir) throws Exception {
        GenerateSpec spec = new GenerateSpec("wall", 2, 3, 32, List.of("color-shift"), 11);
        DatasetGenerator.generate(spec, dir, n -> {});
        Episode first = Dataset.open(dir).episode(1);
        Env world = TargetWorld.create(Dataset.open(dir).manifest().generator());
        byte[] frame = world.reset(EpisodeSeeds.episode(spec.seed(), 1)).frame().data();
        assertArrayEquals(first.frame(0).data(), frame, "same hue rotation as the generator's");
        assertFalse(Arrays.equals(first.cleanFrame(0).data(), frame), "and not the clean world");
    }

    @Test
    void aDatasetOfAnotherWorldOrSizeIsRefusedByName(@TempDir Path dir) throws Exception {
        DatasetManifest maze = DatasetGenerator.generate(new GenerateSpec("pointmaze", 1, 2, 32, List.of(), 0), dir.resolve("m"), n -> {});
        IllegalArgumentException world = assertThrows(IllegalArgumentException.class,
                () -> DomainCheck.requireTarget("--target-data", "wall", 32, maze));
        assertEquals("--target-data: world: expected 'wall' (the model's world), got 'pointmaze'", world.getMessage());
        DatasetManifest big = DatasetGenerator.generate(new GenerateSpec("wall", 1, 2, 48, List.of(), 0), dir.resolve("w"), n -> {});
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> DomainCheck.requireSameWorld("--source-data", "wall", 32, big));
        assertEquals("--source-data: frame size: expected 32x32 (the model's frames), got 48x48", size.getMessage());
    }
}
