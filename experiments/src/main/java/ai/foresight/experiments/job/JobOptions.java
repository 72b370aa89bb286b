package ai.foresight.experiments.job;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options every job shares, mixed into each command: a config file whose keys mirror the long
 * flag names, machine-readable output and verbosity.
 */
public final class JobOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "JSON or YAML file whose keys are long flag names (e.g. {\"episodes\": 20}); "
                    + "flags given on the command line win.")
    private Path config;

    @Option(names = "--json",
            description = "Print the job's headline figures as one JSON object on the last line of stdout "
                    + "(other messages go to stderr).")
    private boolean json;

    @Option(names = {"-v", "--verbose"}, description = "Print details, engine logs and stack traces of errors.")
    private boolean verbose;

    public Path config() {
        return config;
    }

    public boolean json() {
        return json;
    }

    public boolean verbose() {
        return verbose;
    }
}
