package ai.foresight.datasets.store;

import ai.foresight.datasets.env.EnvSpec;
import ai.foresight.datasets.generate.GenerateSpec;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a dataset directory: {@code episodes/ep-000000.npz}, ... one atomic file per episode, then
 * {@code dataset.json} last, so a directory with a manifest is always complete (and, unless
 * {@link StoreConfig.Durability#NONE}, on the device). Episodes may be
 * written in any order and from several threads ({@link #write} is thread-safe); the manifest merges
 * their statistics in index order, so the result does not depend on the order.
 */
public final class DatasetWriter {
    /** The manifest's file name. */
    public static final String MANIFEST = "dataset.json";
    /** The folder holding the episode files. */
    public static final String EPISODES = "episodes";

    private final Path dir;
    private final EpisodeLayout layout;
    private final StoreConfig config;

    /** Statistics and file entry of one written episode. */
    public record EpisodeSummary(EpisodeFile file, RunningStats action, RunningStats proprio) {}

    /** Prepares {@code dir} (created if missing) for episodes of {@code layout}. */
    public DatasetWriter(Path dir, EpisodeLayout layout, StoreConfig config) throws IOException {
        this.dir = dir;
        this.layout = layout;
        this.config = config;
        Files.createDirectories(dir.resolve(EPISODES));
    }

    /** The file of episode {@code index}, relative to the dataset directory. */
    public static String episodePath(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index: expected >= 0, got " + index);
        }
        return String.format("%s/ep-%06d.npz", EPISODES, index);
    }

    public EpisodeLayout layout() {
        return layout;
    }

    /**
     * Atomically writes episode {@code index}, replacing any earlier file.
     *
     * @throws IllegalArgumentException naming the field if {@code ep} does not fit the layout or
     *     holds a non-finite number (nothing is written then)
     */
    public EpisodeSummary write(int index, Episode ep) throws IOException {
        layout.check(ep);
        String rel = episodePath(index);
        AtomicFileWriter.Written w = AtomicFileWriter.write(dir.resolve(rel), config.fsyncEachFile(),
                out -> EpisodeCodec.write(ep, layout, out, config.compressionLevel()));
        return summary(rel, w.sha256(), w.bytes(), ep);
    }

    /**
     * Reads back an episode file already on disk (from an interrupted run) and summarises it.
     *
     * @return the summary, or {@code null} if the file is missing
     * @throws CorruptDatasetException if the file exists but does not decode to this layout
     */
    public EpisodeSummary summarizeExisting(int index) throws IOException {
        String rel = episodePath(index);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(dir.resolve(rel));
        } catch (NoSuchFileException e) {
            return null;
        }
        Episode ep = EpisodeCodec.read(bytes, rel, layout);
        return summary(rel, AtomicFileWriter.sha256Hex(bytes), bytes.length, ep);
    }

    private EpisodeSummary summary(String rel, String sha, long bytes, Episode ep) {
        return new EpisodeSummary(new EpisodeFile(rel, sha, bytes), RunningStats.of(ep.action(), layout.actionDim()),
                RunningStats.of(ep.proprio(), layout.proprioDim()));
    }

    /** Deletes temporary files that an interrupted write left behind (hidden {@code .*.tmp}). */
    public void removeTemporaryFiles() throws IOException {
        for (Path folder : List.of(dir, dir.resolve(EPISODES))) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, ".*" + AtomicFileWriter.TEMP_SUFFIX)) {
                for (Path p : ds) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * Writes {@code dataset.json}, the last file of a dataset.
     *
     * @param summaries one per episode, in index order
     * @param generator generator settings, or {@code null} for imported data
     * @param seedRule how episode seeds derive from the master seed, or {@code null}
     */
    public DatasetManifest finish(String world, EnvSpec env, GenerateSpec generator, String seedRule,
            List<EpisodeSummary> summaries) throws IOException {
        RunningStats action = RunningStats.empty(layout.actionDim());
        RunningStats proprio = RunningStats.empty(layout.proprioDim());
        List<EpisodeFile> files = new ArrayList<>(summaries.size());
        for (int i = 0; i < summaries.size(); i++) {
            EpisodeSummary s = summaries.get(i);
            if (s == null || !s.file().path().equals(episodePath(i))) {
                throw new IllegalArgumentException("summaries[" + i + "]: expected the summary of " + episodePath(i)
                        + ", got " + (s == null ? "none" : s.file().path()));
            }
            action = action.merge(s.action());
            proprio = proprio.merge(s.proprio());
            files.add(s.file());
        }
        Map<String, FieldStats> stats = new LinkedHashMap<>();
        stats.put(EpisodeLayout.ACTION, action.toFieldStats());
        stats.put(EpisodeLayout.PROPRIO, proprio.toFieldStats());
        DatasetManifest manifest = new DatasetManifest(DatasetManifest.SCHEMA_VERSION, world, env, generator, seedRule,
                config.compressionLevel(), summaries.size(), layout.steps(), layout.height(), layout.width(),
                layout.fields(), stats, files);
        byte[] json = StoreJson.toBytes(manifest);
        if (config.durability() == StoreConfig.Durability.AT_FINISH) {
            for (EpisodeFile f : files) {
                AtomicFileWriter.syncFile(dir.resolve(f.path()));
            }
        }
        if (config.fsyncAtFinish()) {
            AtomicFileWriter.syncDirectory(dir.resolve(EPISODES));
        }
        AtomicFileWriter.write(dir.resolve(MANIFEST), config.fsyncAtFinish(), out -> out.write(json));
        if (config.fsyncAtFinish()) {
            AtomicFileWriter.syncDirectory(dir);
        }
        return manifest;
    }
}
