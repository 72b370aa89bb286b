package ai.foresight.experiments.job;

/**
 * A job told as numbered steps ("[2/3] Look at one episode"), each timed, so a multi-stage job such
 * as quickstart reads top to bottom like the story of the pipeline.
 */
public final class Narrative {
    private final JobConsole console;
    private final int steps;
    private int current;

    public Narrative(JobConsole console, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps: expected at least 1, got " + steps);
        }
        this.console = console;
        this.steps = steps;
    }

    /** One step's work. */
    @FunctionalInterface
    public interface Step<T> {
        T run() throws Exception;
    }

    /** Announces and runs the next step, then reports how long it took. */
    public <T> T step(String title, Step<T> body) throws Exception {
        if (current == steps) {
            throw new IllegalStateException("narrative: all " + steps + " steps already told");
        }
        current++;
        console.say("[%d/%d] %s", current, steps, title);
        long start = System.nanoTime();
        T value = body.run();
        console.detail("      done in %.1f s", (System.nanoTime() - start) / 1e9);
        return value;
    }
}
