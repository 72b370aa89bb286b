package ai.foresight.server.core;

import java.time.Duration;

/**
 * When a request must be answered by: measured from the moment it arrived, on {@link System#nanoTime()}.
 *
 * @param startNanos   arrival time
 * @param budgetNanos  how long the request may take in total
 */
public record Deadline(long startNanos, long budgetNanos) {

    public Deadline {
        if (budgetNanos <= 0) {
            throw new IllegalArgumentException("budgetNanos: expected > 0, got " + budgetNanos);
        }
    }

    /** A deadline starting now. */
    public static Deadline startingNow(Duration budget) {
        return new Deadline(System.nanoTime(), budget.toNanos());
    }

    public long remainingNanos() {
        return startNanos + budgetNanos - System.nanoTime();
    }

    public boolean passed() {
        return remainingNanos() <= 0;
    }

    public long budgetMillis() {
        return budgetNanos / 1_000_000L;
    }

    /** Milliseconds since the request arrived. */
    public double elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
