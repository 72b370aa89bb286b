package ai.foresight.experiments.notebook;

import ai.foresight.datasets.image.Frame;
import ai.foresight.datasets.store.Dataset;
import ai.foresight.datasets.store.DatasetManifest;
import ai.foresight.datasets.store.Episode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A recorded dataset folder (see {@link Datasets}): its manifest, and episodes read on demand.
 * Nothing is held open, so there is nothing to close.
 */
public final class OfflineDataset {
    private final Dataset dataset;

    OfflineDataset(Dataset dataset) {
        this.dataset = dataset;
    }

    /** Number of episodes. */
    public int size() {
        return dataset.size();
    }

    /** Steps T per episode. */
    public int steps() {
        return dataset.manifest().steps();
    }

    public String world() {
        return dataset.manifest().world();
    }

    public Path directory() {
        return dataset.directory();
    }

    public DatasetManifest manifest() {
        return dataset.manifest();
    }

    /** The store's dataset, for the full API. */
    public Dataset dataset() {
        return dataset;
    }

    /** Episode {@code i}, validated (checksums, dtypes, shapes). */
    public Episode episode(int i) {
        if (i < 0 || i >= size()) {
            throw new IllegalArgumentException("episode: expected 0.." + (size() - 1) + ", got " + i);
        }
        try {
            return dataset.episode(i);
        } catch (IOException e) {
            throw new UncheckedIOException("dataset " + directory() + ": episode " + i + ": " + e.getMessage(), e);
        }
    }

    /** Episode {@code i} as a trajectory (distances from the stored rewards, which are minus the distance to that episode's goal). */
    public Trajectory trajectory(int i) {
        Episode e = episode(i);
        List<Frame> frames = new ArrayList<>();
        for (int t = 0; t < e.length(); t++) {
            frames.add(e.frame(t));
        }
        double[][] actions = new double[e.length() - 1][];
        for (int t = 0; t < actions.length; t++) {
            float[] a = e.actionAt(t);
            actions[t] = new double[a.length];
            for (int j = 0; j < a.length; j++) {
                actions[t][j] = a[j];
            }
        }
        double[] distances = new double[e.length()];
        for (int t = 0; t < distances.length; t++) {
            distances[t] = -e.reward()[t]; // reward = -distance to the episode's goal
        }
        boolean success = distances[distances.length - 1] < manifest().env().successThreshold();
        return new Trajectory("episode-" + i, world(), frames, actions, distances, success, null);
    }

    @Override
    public String toString() {
        DatasetManifest m = dataset.manifest();
        String distractors = m.generator() == null || m.generator().distractors().isEmpty() ? ""
                : ", distractors " + String.join(",", m.generator().distractors()) + " (+clean frames)";
        return "OfflineDataset[" + m.world() + ": " + m.episodes() + " episodes x " + m.steps() + " steps = "
                + m.frames() + " frames of " + m.height() + "x" + m.width() + distractors + ", action mean "
                + ValueText.of(m.actionStats().mean()) + " std " + ValueText.of(m.actionStats().std()) + ", at "
                + directory() + "]";
    }
}
