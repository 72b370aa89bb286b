package ai.foresight.encoders;

import ai.foresight.datasets.image.Frame;
import ai.foresight.datasets.store.Dataset;
import ai.foresight.datasets.store.DatasetManifest;
import ai.foresight.datasets.store.Episode;
import ai.foresight.datasets.store.EpisodeFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The frames of a stored {@link Dataset} as a {@link FrameSource}, so that pretraining and the feature
 * cache read real datasets.
 *
 * <p>The checksum is a SHA-256 over the manifest's per-file SHA-256 list (with each file's path and
 * size), the frame size, the step count and the {@link View}: it changes whenever any episode file
 * changes, and it costs nothing to compute because the store already hashed every file when it wrote
 * it (each read re-verifies the file against that hash, so a file edited behind the manifest's back
 * fails loudly instead of being silently cached).
 *
 * <p>Decoded episodes are kept in a least-recently-used cache bounded in bytes, since the pretrainer
 * reads single random frames and decoding a whole npz per frame would dominate a step. Thread-safe.
 */
public final class DatasetFrameSource implements FrameSource {
    /** Which frames to read. */
    public enum View {
        /** What the camera saw, distractors included. */
        OBSERVED,
        /** The undistracted frame of the same state (the observed one where the dataset has no clean copy). */
        CLEAN
    }

    /** Default bound of the decoded-episode cache: 256 MiB. */
    public static final long DEFAULT_CACHE_BYTES = 256L << 20;

    private final Dataset dataset;
    private final View view;
    private final long cacheBytes;
    private final String checksum;
    private final Map<Integer, byte[]> decoded = new LinkedHashMap<>(16, 0.75f, true);
    private long decodedBytes;

    private DatasetFrameSource(Dataset dataset, View view, long cacheBytes) {
        if (dataset == null || view == null) {
            throw new IllegalArgumentException("dataset/view: expected values, got null");
        }
        if (cacheBytes < 0) {
            throw new IllegalArgumentException("cacheBytes: expected >= 0, got " + cacheBytes);
        }
        this.dataset = dataset;
        this.view = view;
        this.cacheBytes = cacheBytes;
        this.checksum = checksumOf(dataset.manifest(), view);
    }

    /** Observed frames of {@code dataset}, with the default cache bound. */
    public static DatasetFrameSource of(Dataset dataset) {
        return new DatasetFrameSource(dataset, View.OBSERVED, DEFAULT_CACHE_BYTES);
    }

    /** {@code view} frames of {@code dataset}, keeping at most {@code cacheBytes} of decoded pixels. */
    public static DatasetFrameSource of(Dataset dataset, View view, long cacheBytes) {
        return new DatasetFrameSource(dataset, view, cacheBytes);
    }

    /** Opens the dataset directory {@code dir} (validating its manifest) and reads its observed frames. */
    public static DatasetFrameSource open(Path dir) throws IOException {
        return of(Dataset.open(dir));
    }

    /**
     * The checksum of {@code view} frames of a dataset described by {@code manifest}: SHA-256 over the
     * per-file SHA-256 list, with the frame geometry and the view.
     */
    public static String checksumOf(DatasetManifest manifest, View view) {
        EncoderFingerprint fp = new EncoderFingerprint()
                .add("frames of a stored dataset")
                .add(view.name())
                .add(manifest.height() + "x" + manifest.width() + "x" + manifest.steps())
                .add(Integer.toString(manifest.files().size()));
        for (EpisodeFile f : manifest.files()) {
            fp.add(f.path()).add(f.sha256()).add(Long.toString(f.bytes()));
        }
        return fp.id("dataset");
    }

    public Dataset dataset() {
        return dataset;
    }

    public View view() {
        return view;
    }

    @Override
    public String checksum() {
        return checksum;
    }

    @Override
    public int episodes() {
        return dataset.size();
    }

    @Override
    public int length(int episode) {
        checkEpisode(episode);
        return dataset.manifest().steps();
    }

    @Override
    public Frame frame(int episode, int t) {
        int n = length(episode);
        if (t < 0 || t >= n) {
            throw new IllegalArgumentException("t: expected 0.." + (n - 1) + ", got " + t);
        }
        int h = dataset.manifest().height();
        int w = dataset.manifest().width();
        int size = h * w * 3;
        byte[] pixels = pixels(episode);
        return new Frame(h, w, Arrays.copyOfRange(pixels, t * size, (t + 1) * size));
    }

    @Override
    public List<Frame> frames(int episode) {
        checkEpisode(episode);
        Episode ep = read(episode);
        Frame[] out = new Frame[ep.length()];
        for (int t = 0; t < out.length; t++) {
            out[t] = view == View.CLEAN ? ep.cleanFrame(t) : ep.frame(t);
        }
        return List.of(out);
    }

    /** The decoded (T, H, W, 3) pixels of {@code episode}, from the cache or the file. */
    private byte[] pixels(int episode) {
        synchronized (decoded) {
            byte[] hit = decoded.get(episode);
            if (hit != null) {
                return hit;
            }
        }
        Episode ep = read(episode);
        byte[] pixels = view == View.CLEAN && ep.hasCleanFrames() ? ep.obsClean() : ep.obs();
        synchronized (decoded) {
            if (pixels.length <= cacheBytes && decoded.putIfAbsent(episode, pixels) == null) {
                decodedBytes += pixels.length;
                var it = decoded.entrySet().iterator();
                while (decodedBytes > cacheBytes && it.hasNext()) {
                    decodedBytes -= it.next().getValue().length;
                    it.remove();
                }
            }
        }
        return pixels;
    }

    private Episode read(int episode) {
        try {
            return dataset.episode(episode);
        } catch (IOException e) {
            throw new UncheckedIOException("dataset " + dataset.directory() + ": episode " + episode + ": "
                    + e.getMessage(), e);
        }
    }

    private void checkEpisode(int episode) {
        if (episode < 0 || episode >= dataset.size()) {
            throw new IllegalArgumentException("episode: expected 0.." + (dataset.size() - 1) + ", got " + episode);
        }
    }

    @Override
    public String toString() {
        return "DatasetFrameSource[" + dataset.directory() + ", " + view + ", " + dataset.size() + " episodes x "
                + dataset.manifest().steps() + " frames, " + checksum + "]";
    }
}
