package ai.foresight.server.backend;

import java.util.ArrayList;
import java.util.List;

/**
 * The observations a robot's earlier plans saw, kept so a world model with history H > 1 (DINO-WM: 3 frames for
 * PointMaze and PushT) gets its context window: the latent and standardised proprio of each earlier observation, and
 * the standardised frame action the robot executed after it (the first frame of the chunk it was sent). Plain Java
 * arrays, oldest first; immutable.
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
     * @param latent      (n·C) the latent frame, row-major
     * @param proprio     (P) standardised proprio
     * @param frameAction (f·A) standardised actions executed after it
     */
    record Entry(float[] latent, float[] proprio, float[] frameAction) {
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

    /** Every entry's latent concatenated, (size · n·C). */
    float[] latents() {
        return concat(entries.stream().map(Entry::latent).toList());
    }

    /** Every entry's proprio concatenated, (size · P). */
    float[] proprios() {
        return concat(entries.stream().map(Entry::proprio).toList());
    }

    /** Every entry's frame action concatenated, (size · f·A). */
    float[] frameActions() {
        return concat(entries.stream().map(Entry::frameAction).toList());
    }

    private static float[] concat(List<float[]> parts) {
        int total = parts.stream().mapToInt(p -> p.length).sum();
        float[] out = new float[total];
        int offset = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, offset, p.length);
            offset += p.length;
        }
        return out;
    }
}
