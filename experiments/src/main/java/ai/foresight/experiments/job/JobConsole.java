package ai.foresight.experiments.job;

import java.io.PrintWriter;

/**
 * Where a job talks to its user. Human lines go to stdout, or to stderr under {@code --json} so that
 * stdout carries nothing but the one JSON object; details appear only under {@code --verbose}.
 */
public final class JobConsole {
    /** Set by the launcher to say whether stderr is a terminal (Java 17 cannot ask about stderr alone). */
    public static final String STDERR_TTY_PROPERTY = "foresight.stderr.tty";

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final boolean verbose;
    private final boolean interactive;

    public JobConsole(PrintWriter out, PrintWriter err, boolean json, boolean verbose, boolean interactive) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.verbose = verbose;
        this.interactive = interactive;
    }

    /** Whether stderr is a terminal a progress bar can redraw. */
    public static boolean stderrIsTerminal() {
        String flag = System.getProperty(STDERR_TTY_PROPERTY);
        return flag != null ? Boolean.parseBoolean(flag) : System.console() != null;
    }

    /** A line of the job's human summary. */
    public void say(String format, Object... args) {
        PrintWriter target = json ? err : out;
        target.println(args.length == 0 ? format : String.format(format, args));
        target.flush();
    }

    /** A line only shown with {@code --verbose}. */
    public void detail(String format, Object... args) {
        if (verbose) {
            say(format, args);
        }
    }

    /** A warning, always on stderr. */
    public void warn(String format, Object... args) {
        err.println("warning: " + (args.length == 0 ? format : String.format(format, args)));
        err.flush();
    }

    /** Prints the result as the last line of stdout. */
    void printJson(JobResult result) {
        out.println(JsonOutput.line(result.figures()));
        out.flush();
    }

    public PrintWriter err() {
        return err;
    }

    public boolean verbose() {
        return verbose;
    }

    public boolean interactive() {
        return interactive;
    }
}
