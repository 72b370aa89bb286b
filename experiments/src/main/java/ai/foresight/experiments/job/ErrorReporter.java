package ai.foresight.experiments.job;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one clear line on stderr ({@code foresight generate: --episodes: expected at
 * least 1, got 0}) and an exit code: {@value #USAGE} for bad input on the command line or in the
 * config, {@value #FAILURE} for a job that failed. Stack traces appear only under {@code --verbose}.
 */
public final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    private final boolean verbose;

    /** @param verbose whether {@code -v} was among the raw arguments (parsing may not have finished) */
    public ErrorReporter(boolean verbose) {
        this.verbose = verbose;
    }

    /** Whether raw arguments ask for verbose output, looked up before parsing. */
    public static boolean verboseIn(String[] args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("-v") || arg.equals("--verbose")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        PrintWriter err = cmd.getErr();
        err.println(name + ": " + firstLine(ex.getMessage()) + " (see '" + name + " --help')");
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        Throwable cause = unwrap(ex);
        boolean expected = isExpected(cause);
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + describe(cause)
                + (expected || verbose ? "" : " (run with -v for the stack trace)"));
        if (verbose) {
            cause.printStackTrace(err);
        }
        err.flush();
        return FAILURE;
    }

    /** A one-line account of {@code error}, naming the file for file-system errors. */
    static String describe(Throwable error) {
        String message = error.getMessage() == null ? "" : firstLine(error.getMessage());
        if (error instanceof NoSuchFileException) {
            return "no such file or directory: " + message;
        }
        if (error instanceof FileAlreadyExistsException) {
            return "already exists: " + message;
        }
        if (error instanceof AccessDeniedException) {
            return "permission denied: " + message;
        }
        if (isExpected(error) && !message.isEmpty()) {
            return message;
        }
        return error.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private static boolean isExpected(Throwable error) {
        return error instanceof IllegalArgumentException || error instanceof IllegalStateException
                || error instanceof UnsupportedOperationException || error instanceof IOException;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof UncheckedIOException || current instanceof ExecutionException
                || current instanceof InvocationTargetException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String trimmed = message.strip();
        int nl = trimmed.indexOf('\n');
        return nl < 0 ? trimmed : trimmed.substring(0, nl).strip();
    }
}
