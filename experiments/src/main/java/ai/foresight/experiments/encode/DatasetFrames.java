package ai.foresight.experiments.encode;

import ai.foresight.datasets.store.Dataset;
import ai.foresight.encoders.ConcatenatedFrameSource;
import ai.foresight.encoders.DatasetFrameSource;
import ai.foresight.encoders.FrameSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens dataset directories as one {@link FrameSource} of their observed frames, with a decoded-frame
 * cache sized so that, when it fits in a third of the heap, every frame is decoded only once.
 *
 * @param source all datasets' episodes, in the order given
 * @param checksums each dataset directory's frame checksum, in the order given
 * @param frames total frames
 */
public record DatasetFrames(FrameSource source, Map<String, String> checksums, long frames) {

    /** Opens {@code dirs}; each must be a dataset written by {@code foresight generate}. */
    public static DatasetFrames open(List<Path> dirs) throws IOException {
        if (dirs == null || dirs.isEmpty()) {
            throw new IllegalArgumentException("data: expected at least one dataset directory, got none");
        }
        List<Dataset> datasets = new ArrayList<>();
        long totalBytes = 0;
        for (Path dir : dirs) {
            Dataset d = Dataset.open(dir);
            datasets.add(d);
            totalBytes += d.manifest().frames() * d.manifest().height() * d.manifest().width() * 3;
        }
        long budget = Runtime.getRuntime().maxMemory() / 3;
        List<DatasetFrameSource> parts = new ArrayList<>();
        Map<String, String> checksums = new LinkedHashMap<>();
        long frames = 0;
        for (Dataset d : datasets) {
            long bytes = d.manifest().frames() * d.manifest().height() * d.manifest().width() * 3;
            long share = totalBytes <= budget ? bytes : Math.max(DatasetFrameSource.DEFAULT_CACHE_BYTES / 4,
                    (long) ((double) budget * bytes / totalBytes));
            DatasetFrameSource part = DatasetFrameSource.of(d, DatasetFrameSource.View.OBSERVED, share);
            parts.add(part);
            checksums.put(d.directory().toString(), part.checksum());
            frames += d.manifest().frames();
        }
        return new DatasetFrames(ConcatenatedFrameSource.of(parts), checksums, frames);
    }
}
