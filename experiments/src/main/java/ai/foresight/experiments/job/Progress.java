package ai.foresight.experiments.job;

import java.util.function.IntConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a counted piece of work, fed as "done so far". On a terminal it is a redrawn progress
 * bar on stderr; elsewhere (pipes, CI logs, tests) it is silent, or under {@code --verbose} a line
 * per tenth of the work, so logs stay readable.
 */
public final class Progress implements IntConsumer, AutoCloseable {
    private final JobConsole console;
    private final String task;
    private final int total;
    private final String unit;
    private final ProgressBar bar;
    private int lastTenth = -1;

    private Progress(JobConsole console, String task, int total, String unit) {
        if (total < 0) {
            throw new IllegalArgumentException("total: expected at least 0, got " + total);
        }
        this.console = console;
        this.task = task;
        this.total = total;
        this.unit = unit;
        this.bar = console.interactive() ? new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setUnit(" " + unit, 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build() : null;
    }

    /** Starts reporting {@code total} units of work named {@code task}. */
    public static Progress start(JobConsole console, String task, int total, String unit) {
        return new Progress(console, task, total, unit);
    }

    /** A piece of work that reports progress. */
    @FunctionalInterface
    public interface Work<T> {
        T run(IntConsumer progress) throws Exception;
    }

    /** Runs {@code work} with a progress report that is closed afterwards, whatever happens. */
    public static <T> T track(JobConsole console, String task, int total, String unit, Work<T> work) throws Exception {
        try (Progress progress = start(console, task, total, unit)) {
            return work.run(progress);
        }
    }

    /** Records that {@code done} units are finished. */
    @Override
    public synchronized void accept(int done) {
        if (bar != null) {
            bar.stepTo(done);
            return;
        }
        int tenth = total == 0 ? 10 : (int) (10L * done / total);
        if (console.verbose() && tenth > lastTenth) {
            lastTenth = tenth;
            console.say("%s: %d/%d %s", task, done, total, unit);
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
