package ai.foresight.experiments.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code foresight bench}: the group of throughput benchmarks; each benchmark is a subcommand. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure throughput.",
        subcommands = {BenchGenerateCommand.class, BenchEncodeCommand.class, BenchPlanCommand.class,
                BenchServeCommand.class})
public final class BenchCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing benchmark: expected one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
