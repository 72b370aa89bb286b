package ai.foresight.experiments.job;

import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The shape of every job: resolve the settings (flags over config file over defaults), validate
 * them, run the algorithm, then write {@code config.json} and {@code result.json} into the output
 * directory (if the job has one) and print the result as JSON under {@code --json}.
 *
 * <p>Subclasses declare their options with picocli annotations and implement {@link #run}; they hold
 * no plumbing, which lives here.
 */
public abstract class JobCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    @Mixin
    protected JobOptions options;

    @Override
    public final Integer call() throws Exception {
        CommandConfig config = spec.defaultValueProvider() instanceof CommandConfig c
                ? c : new CommandConfig(ConfigFile.empty());
        config.applyFlags(spec, spec.commandLine().getParseResult());
        JobConsole console = new JobConsole(spec.commandLine().getOut(), spec.commandLine().getErr(),
                options.json(), options.verbose(), JobConsole.stderrIsTerminal());
        validate();
        JobResult result;
        try {
            result = run(console);
        } catch (LinkageError e) {
            throw new IllegalStateException("a native library failed to load: " + e, e);
        }
        Path dir = outputDirectory();
        if (dir != null) {
            JsonOutput.write(dir.resolve("config.json"), CommandConfig.resolved(spec));
            JsonOutput.write(dir.resolve("result.json"), result.figures());
            console.detail("wrote %s and %s", dir.resolve("config.json"), dir.resolve("result.json"));
        }
        if (options.json()) {
            console.printJson(result);
        }
        return result.exitCode();
    }

    /** Checks flag values before anything runs; throw {@link #badFlag} on a bad one. */
    protected void validate() {}

    /** The job itself. */
    protected abstract JobResult run(JobConsole console) throws Exception;

    /** Where {@code config.json} and {@code result.json} go; null for a job without outputs. */
    protected Path outputDirectory() {
        return null;
    }

    /** A usage error naming the flag: {@code --episodes: expected at least 1, got 0}. */
    protected final ParameterException badFlag(String flag, String expected, Object got) {
        return new ParameterException(spec.commandLine(), flag + ": expected " + expected + ", got " + got);
    }

    /** Requires {@code value >= min} for {@code flag}. */
    protected final void requireAtLeast(String flag, long value, long min) {
        if (value < min) {
            throw badFlag(flag, "at least " + min, value);
        }
    }

    /** Requires {@code value} to be one of {@code allowed} for {@code flag}. */
    protected final void requireOneOf(String flag, String value, Collection<String> allowed) {
        if (!allowed.contains(value)) {
            throw badFlag(flag, "one of " + String.join(", ", allowed), "'" + value + "'");
        }
    }
}
