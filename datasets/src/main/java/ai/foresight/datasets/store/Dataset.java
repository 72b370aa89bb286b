package ai.foresight.datasets.store;

import java.io.IOException;
import java.nio.file.Path;

/** A dataset directory opened for reading (contract pinned; body is being written in the store work). */
public final class Dataset {
    private Dataset() {}

    /** Opens and validates {@code dir/dataset.json}. */
    public static Dataset open(Path dir) throws IOException {
        throw new UnsupportedOperationException("Dataset.open is not written yet");
    }

    public DatasetManifest manifest() {
        throw new UnsupportedOperationException();
    }

    /** Number of episodes. */
    public int size() {
        throw new UnsupportedOperationException();
    }

    /** Reads and validates episode {@code i} (checksum, shapes, dtypes, NaN). */
    public Episode episode(int i) throws IOException {
        throw new UnsupportedOperationException();
    }
}
