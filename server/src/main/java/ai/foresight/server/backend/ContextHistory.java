package ai.foresight.server.backend;

import java.util.ArrayList;
import java.util.List;

/**
 * The observations a robot's earlier plans saw, kept so a world model with history H > 1 (DINO-WM: 3 frames for
 * PointMaze and PushT) gets its context window: each earlier observation's patch features and proprio, and the frame
 * action the robot executed after it (the first frame of the chunk it was sent), all in world units as
 * {@code WorldModelRollout.context} takes them. Plain Java arrays, oldest first; immutable.
 *
 * <p>Only valid when each plan's chunk is exactly one latent frame, so consecutive observations are one frame step
 * apart; with longer chunks the backend plans from the current observation alone.
 *
 * @param entries oldest first
 */
record ContextHistory(List<Entry> entries) {

    /** No earlier observations. */
    static final ContextHistory EMPTY = new ContextHistory(List.of());

    /**
     * One earlier observation and what followed it.
     *
     * @param features    (N·D) patch features, row-major
     * @param proprio     (P) proprio
     * @param frameAction (f·A) the actions executed after it
     */
    record Entry(float[] features, float[] proprio, float[] frameAction) {
    }

    ContextHistory {
        entries = List.copyOf(entries);
    }

    int size() {
        return entries.size();
    }

    /** This history with {@code entry} appended, keeping only the newest {@code capacity} entries. */
    ContextHistory append(Entry entry, int capacity) {
        if (capacity <= 0) {
            return EMPTY;
        }
        List<Entry> next = new ArrayList<>(entries);
        next.add(entry);
        return new ContextHistory(next.subList(Math.max(0, next.size() - capacity), next.size()));
    }

    /** Every entry's features concatenated, (size · N·D). */
    float[] features() {
        int width = entries.isEmpty() ? 0 : entries.get(0).features().length;
        float[] out = new float[entries.size() * width];
        for (int i = 0; i < entries.size(); i++) {
            System.arraycopy(entries.get(i).features(), 0, out, i * width, width);
        }
        return out;
    }
}
