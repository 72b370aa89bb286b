package ai.foresight.experiments.cli;

import ai.foresight.experiments.job.CommandConfig;
import ai.foresight.experiments.job.ConfigFile;
import ai.foresight.experiments.job.ErrorReporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code foresight} command: entry point of the {@code ./foresight} launcher. Each job is its
 * own subcommand class; this class only wires them to the shared settings resolution and error
 * reporting.
 */
@Command(name = "foresight", mixinStandardHelpOptions = true, versionProvider = ForesightCli.Version.class,
        description = "World models and visual model-based RL on the JVM.",
        subcommands = {QuickstartCommand.class, GenerateCommand.class, ShowCommand.class, DoctorCommand.class,
                PretrainEncoderCommand.class, EncodeCommand.class, ProbeCommand.class,
                TrainCommand.class, EvalCommand.class, ImagineCommand.class, AdaptCommand.class, ServeCommand.class,
                BenchCommand.class})
public final class ForesightCli implements Runnable {
    @Spec
    private CommandSpec spec;

    /** Without a subcommand: show what there is. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A fresh command tree with every job. */
    public static CommandLine commandLine() {
        return new CommandLine(new ForesightCli());
    }

    /**
     * Runs {@code args} against {@code cmd}, printing to {@code out} and {@code err}, and returns the
     * exit code (0 success, 1 job failure, 2 bad input). The {@code --config} file is read before
     * parsing so its values act as defaults that flags override.
     */
    public static int execute(CommandLine cmd, String[] args, PrintWriter out, PrintWriter err) {
        cmd.setOut(out);
        cmd.setErr(err);
        ConfigFile config;
        try {
            config = ConfigFile.findIn(args).map(ConfigFile::load).orElseGet(ConfigFile::empty);
        } catch (IllegalArgumentException e) {
            err.println(cmd.getCommandName() + ": " + e.getMessage());
            err.flush();
            return ErrorReporter.USAGE;
        }
        ErrorReporter errors = new ErrorReporter(ErrorReporter.verboseIn(args));
        cmd.setDefaultValueProvider(new CommandConfig(config));
        cmd.setParameterExceptionHandler(errors);
        cmd.setExecutionExceptionHandler(errors);
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        if (ErrorReporter.verboseIn(args)) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        }
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(execute(commandLine(), args, out, err));
    }

    /** The project version, stamped into a resource at build time. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = ForesightCli.class.getResourceAsStream("/foresight-version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"Foresight " + properties.getProperty("version", "(development build)")};
        }
    }
}
