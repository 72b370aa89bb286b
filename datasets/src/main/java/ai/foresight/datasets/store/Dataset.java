package ai.foresight.datasets.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A dataset directory opened for reading: its manifest, validated on open, and its episodes,
 * validated on every read (size, SHA-256, arrays present, dtype, shape, finite values). Every
 * validation failure is a {@link CorruptDatasetException} whose message names the file and field.
 * Thread-safe: it holds no mutable state.
 */
public final class Dataset implements EpisodeSource {
    private final Path dir;
    private final DatasetManifest manifest;
    private final EpisodeLayout layout;

    private Dataset(Path dir, DatasetManifest manifest) {
        this.dir = dir;
        this.manifest = manifest;
        this.layout = manifest.layout();
    }

    /** Opens and validates {@code dir/dataset.json}. */
    public static Dataset open(Path dir) throws IOException {
        byte[] json;
        try {
            json = Files.readAllBytes(dir.resolve(DatasetWriter.MANIFEST));
        } catch (NoSuchFileException e) {
            throw new CorruptDatasetException(DatasetWriter.MANIFEST, "file", "missing in " + dir
                    + " (not a dataset, or its generation has not finished; rerun generate to resume it)");
        }
        DatasetManifest m = StoreJson.read(json, DatasetManifest.class, DatasetWriter.MANIFEST);
        Path root = dir.toAbsolutePath().normalize();
        for (int i = 0; i < m.files().size(); i++) {
            Path p = root.resolve(m.files().get(i).path()).normalize();
            if (!p.startsWith(root) || p.equals(root)) {
                throw new CorruptDatasetException(DatasetWriter.MANIFEST, "files[" + i + "].path",
                        "expected a file inside the dataset directory, got " + m.files().get(i).path());
            }
        }
        return new Dataset(dir, m);
    }

    public Path directory() {
        return dir;
    }

    public DatasetManifest manifest() {
        return manifest;
    }

    @Override
    public EpisodeLayout layout() {
        return layout;
    }

    /** Number of episodes. */
    @Override
    public int size() {
        return manifest.episodes();
    }

    /** Reads and validates episode {@code i} (size, checksum, arrays, shapes, dtypes, NaN). */
    @Override
    public Episode episode(int i) throws IOException {
        if (i < 0 || i >= size()) {
            throw new IllegalArgumentException("index: expected 0.." + (size() - 1) + ", got " + i);
        }
        EpisodeFile f = manifest.files().get(i);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(dir.resolve(f.path()));
        } catch (NoSuchFileException e) {
            throw new CorruptDatasetException(f.path(), "file", "missing (listed as files[" + i + "] in "
                    + DatasetWriter.MANIFEST + ")");
        }
        if (bytes.length != f.bytes()) {
            throw new CorruptDatasetException(f.path(), "bytes", "expected " + f.bytes() + " bytes, got " + bytes.length
                    + (bytes.length < f.bytes() ? " (truncated)" : " (extended)"));
        }
        String sha = AtomicFileWriter.sha256Hex(bytes);
        if (!sha.equals(f.sha256())) {
            throw new CorruptDatasetException(f.path(), "sha256", "checksum mismatch: manifest " + f.sha256()
                    + ", file " + sha + " (the file was modified or corrupted)");
        }
        return EpisodeCodec.read(bytes, f.path(), layout);
    }

    /** Reads every episode once, so that a damaged file is found now rather than mid-training. */
    public void verify() throws IOException {
        for (int i = 0; i < size(); i++) {
            episode(i);
        }
    }
}
