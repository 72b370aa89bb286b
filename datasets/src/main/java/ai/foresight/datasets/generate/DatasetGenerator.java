package ai.foresight.datasets.generate;

import ai.foresight.datasets.store.DatasetManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.IntConsumer;

/**
 * Rolls a world's data-collection policy and writes a dataset directory (contract pinned; body is
 * being written in the store work).
 */
public final class DatasetGenerator {
    private DatasetGenerator() {}

    /**
     * Generates {@code spec} into {@code out}, resuming when {@code out} holds a partial run of the
     * same spec.
     *
     * @param progress called with the number of episodes finished so far
     */
    public static DatasetManifest generate(GenerateSpec spec, Path out, IntConsumer progress) throws IOException {
        throw new UnsupportedOperationException("DatasetGenerator.generate is not written yet");
    }
}
