package ai.foresight.server.metrics;

import java.util.Arrays;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A Prometheus-style histogram over fixed upper bucket bounds; observations are lock-free. Rendering writes the
 * cumulative {@code _bucket} series (ending with {@code le="+Inf"}), {@code _sum} and {@code _count}.
 */
public final class Histogram {

    private final double[] upperBounds;
    private final LongAdder[] counts;
    private final LongAdder total = new LongAdder();
    private final DoubleAdder sum = new DoubleAdder();

    /** @param upperBounds strictly increasing, finite bucket bounds (the +Inf bucket is implicit) */
    public Histogram(double... upperBounds) {
        if (upperBounds.length == 0) {
            throw new IllegalArgumentException("upperBounds: expected at least one bound");
        }
        for (int i = 0; i < upperBounds.length; i++) {
            if (!Double.isFinite(upperBounds[i]) || (i > 0 && upperBounds[i] <= upperBounds[i - 1])) {
                throw new IllegalArgumentException("upperBounds: expected strictly increasing finite values, got "
                        + Arrays.toString(upperBounds));
            }
        }
        this.upperBounds = upperBounds.clone();
        this.counts = new LongAdder[upperBounds.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    public void observe(double value) {
        for (int i = 0; i < upperBounds.length; i++) {
            if (value <= upperBounds[i]) {
                counts[i].increment();
                break;
            }
        }
        total.increment();
        sum.add(value);
    }

    public long count() {
        return total.sum();
    }

    public double sum() {
        return sum.sum();
    }

    /**
     * Appends this histogram's series.
     *
     * @param name   metric family name, without suffix
     * @param labels already-rendered labels without braces (for example {@code route="/v1/plan"}), or empty
     */
    void render(StringBuilder out, String name, String labels) {
        String prefix = labels.isEmpty() ? "" : labels + ",";
        long cumulative = 0;
        for (int i = 0; i < upperBounds.length; i++) {
            cumulative += counts[i].sum();
            out.append(name).append("_bucket{").append(prefix).append("le=\"").append(upperBounds[i]).append("\"} ")
                    .append(cumulative).append('\n');
        }
        long all = total.sum();
        out.append(name).append("_bucket{").append(prefix).append("le=\"+Inf\"} ").append(all).append('\n');
        String braces = labels.isEmpty() ? "" : "{" + labels + "}";
        out.append(name).append("_sum").append(braces).append(' ').append(sum.sum()).append('\n');
        out.append(name).append("_count").append(braces).append(' ').append(all).append('\n');
    }
}
