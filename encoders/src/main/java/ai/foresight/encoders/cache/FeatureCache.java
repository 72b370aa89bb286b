package ai.foresight.encoders.cache;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.foresight.datasets.image.Frame;
import ai.foresight.datasets.store.AtomicFileWriter;
import ai.foresight.encoders.FramePixels;
import ai.foresight.encoders.FrameSource;
import ai.foresight.encoders.PatchEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Patch features of every frame of a dataset, encoded once and stored per episode, so that world-model
 * training reads features instead of running the frozen encoder every epoch (DINO-WM precomputes
 * them the same way).
 *
 * <p>Folder layout: {@code cache.json} ({@link CacheMetadata}, keyed by the encoder's id and the
 * dataset's checksum) and {@code episode-NNNNNN.npy}, (T, N, D) float32 or float16, readable with
 * numpy. {@link #open} reuses a cache whose key matches and rebuilds it otherwise. Writes are atomic,
 * and {@code cache.json} is removed before a rebuild and written last, so an interrupted build is
 * never mistaken for a complete one.
 */
public final class FeatureCache {
    /** The metadata file of a cache folder. */
    public static final String METADATA = "cache.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Told after each encoded episode while building. */
    @FunctionalInterface
    public interface BuildProgress {
        void episodeDone(int done, int total);
    }

    private final Path dir;
    private final CacheMetadata metadata;
    private final boolean built;

    private FeatureCache(Path dir, CacheMetadata metadata, boolean built) {
        this.dir = dir;
        this.metadata = metadata;
        this.built = built;
    }

    /** Opens the cache in {@code dir} for {@code encoder} and {@code source}, building it if needed. */
    public static FeatureCache open(Path dir, PatchEncoder encoder, FrameSource source, FeatureCacheConfig config)
            throws IOException {
        return open(dir, encoder, source, config, (done, total) -> { });
    }

    /**
     * Opens the cache in {@code dir}, reusing it when its encoder id, dataset checksum, precision and
     * episode files all match, and otherwise (re)building it from {@code source} with {@code encoder}.
     */
    public static FeatureCache open(Path dir, PatchEncoder encoder, FrameSource source, FeatureCacheConfig config,
            BuildProgress progress) throws IOException {
        String encoderId = encoder.id();
        String checksum = source.checksum();
        CacheMetadata existing = readMetadata(dir);
        if (existing != null && existing.format() == CacheMetadata.FORMAT && existing.encoderId().equals(encoderId)
                && existing.datasetChecksum().equals(checksum) && existing.precision() == config.precision()
                && filesPresent(dir, existing)) {
            return new FeatureCache(dir, existing, false);
        }
        return new FeatureCache(dir, build(dir, encoder, source, config, progress), true);
    }

    /** Reads the metadata of the cache in {@code dir}, or null if there is no complete cache there. */
    public static CacheMetadata readMetadata(Path dir) throws IOException {
        Path file = dir.resolve(METADATA);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readValue(file.toFile(), CacheMetadata.class);
        } catch (IOException e) {
            return null; // unreadable metadata: treat as absent, the cache is rebuilt
        }
    }

    private static CacheMetadata build(Path dir, PatchEncoder encoder, FrameSource source, FeatureCacheConfig config,
            BuildProgress progress) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(METADATA));
        deleteEpisodeFiles(dir);
        int episodes = source.episodes();
        int[] lengths = new int[episodes];
        int n = encoder.tokens();
        int d = encoder.dim();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int e = 0; e < episodes; e++) {
                List<Frame> frames = source.frames(e);
                lengths[e] = frames.size();
                float[] features = new float[Math.multiplyExact(frames.size(), n * d)];
                for (int start = 0; start < frames.size(); start += config.batchSize()) {
                    List<Frame> chunk = frames.subList(start, Math.min(frames.size(), start + config.batchSize()));
                    try (NDManager step = manager.newSubManager()) {
                        NDArray pixels = FramePixels.toBatch(step, chunk, encoder.inputHeight(), encoder.inputWidth());
                        NDArray out = encoder.encode(pixels);
                        Shape expected = new Shape(chunk.size(), n, d);
                        if (!out.getShape().equals(expected)) {
                            throw new IllegalStateException("encoder " + encoder.id() + ": expected features " + expected
                                    + ", got " + out.getShape());
                        }
                        System.arraycopy(out.toFloatArray(), 0, features, start * n * d, chunk.size() * n * d);
                    }
                }
                NpyFile.write(episodeFile(dir, e), new long[] {frames.size(), n, d}, features, config.precision());
                progress.episodeDone(e + 1, episodes);
            }
        }
        CacheMetadata metadata = new CacheMetadata(CacheMetadata.FORMAT, encoder.id(), source.checksum(), config.precision(),
                encoder.gridHeight(), encoder.gridWidth(), d, lengths, (System.nanoTime() - started) / 1e9);
        AtomicFileWriter.writeString(dir.resolve(METADATA), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(metadata));
        return metadata;
    }

    private static boolean filesPresent(Path dir, CacheMetadata m) {
        int[] lengths = m.lengths();
        for (int e = 0; e < lengths.length; e++) {
            Path f = episodeFile(dir, e);
            try {
                long payload = (long) lengths[e] * m.tokens() * m.dim() * m.precision().bytes();
                if (!Files.isRegularFile(f) || Files.size(f) < payload) {
                    return false;
                }
            } catch (IOException ex) {
                return false;
            }
        }
        return true;
    }

    private static void deleteEpisodeFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("episode-\\d+\\.npy")).toList()) {
                Files.delete(p);
            }
        }
    }

    private static Path episodeFile(Path dir, int episode) {
        return dir.resolve(String.format("episode-%06d.npy", episode));
    }

    /** What this cache holds. */
    public CacheMetadata metadata() {
        return metadata;
    }

    /** True when {@link #open} had to encode the frames; false when it reused the stored features. */
    public boolean wasBuilt() {
        return built;
    }

    public int episodes() {
        return metadata.episodes();
    }

    public int length(int episode) {
        return metadata.lengths()[checkEpisode(episode)];
    }

    /** Features of {@code episode} as row-major (T, N, D) float32 values. */
    public float[] featureValues(int episode) throws IOException {
        return NpyFile.read(episodeFile(dir, checkEpisode(episode))).values();
    }

    /** Features of {@code episode} as a (T, N, D) float32 array in {@code manager}. */
    public NDArray features(NDManager manager, int episode) throws IOException {
        NpyFile.Array a = NpyFile.read(episodeFile(dir, checkEpisode(episode)));
        return manager.create(a.values(), new Shape(a.shape()));
    }

    private int checkEpisode(int episode) {
        if (episode < 0 || episode >= metadata.episodes()) {
            throw new IndexOutOfBoundsException("episode: expected 0.." + (metadata.episodes() - 1) + ", got " + episode);
        }
        return episode;
    }
}
