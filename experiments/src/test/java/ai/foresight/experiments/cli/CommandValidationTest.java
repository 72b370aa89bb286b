package ai.foresight.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad flag values of the real jobs are caught before any work starts, naming the flag. */
class CommandValidationTest {
    @TempDir
    Path tmp;

    private void assertUsageError(String flag, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(1, run.stderrLines().size(), run::toString);
        assertTrue(run.stderr().contains(flag), "expected '" + flag + "' in: " + run.stderr());
    }

    @Test
    void generateChecksEveryFlag() {
        String out = tmp.resolve("d").toString();
        assertUsageError("--world: expected one of wall, wall-random, pointmaze, pusht, got 'moon'",
                "generate", "--world", "moon", "--episodes", "2", "--steps", "5", "--out", out);
        assertUsageError("--episodes: expected at least 1, got 0",
                "generate", "--world", "wall", "--episodes", "0", "--steps", "5", "--out", out);
        assertUsageError("--steps: expected at least 2, got 1",
                "generate", "--world", "wall", "--episodes", "2", "--steps", "1", "--out", out);
        assertUsageError("--size: expected 16..512 pixels, got 8",
                "generate", "--world", "wall", "--episodes", "2", "--steps", "5", "--size", "8", "--out", out);
        assertUsageError("--distractor: expected one of shapes, texture, tv, color-shift, lighting, got 'smoke'",
                "generate", "--world", "wall", "--episodes", "2", "--steps", "5", "--distractor", "tv,smoke", "--out", out);
        assertUsageError("'--out=DIR'", "generate", "--world", "wall", "--episodes", "2", "--steps", "5");
    }

    @Test
    void otherJobsCheckTheirFlags() {
        assertUsageError("--episode: expected at least 0, got -1", "show", tmp.toString(), "--episode", "-1");
        assertUsageError("--episodes: expected at least 2 (one is held out for validation), got 1", "quickstart", "--episodes", "1",
                "--out", tmp.toString());
        assertUsageError("--episodes: expected at least 0, got -3", "quickstart", "--episodes", "-3", "--out", tmp.toString());
        assertUsageError("--worlds: expected one of", "bench", "generate", "--worlds", "wall,mars");
        assertUsageError("--runs: expected at least 1, got 0", "bench", "generate", "--runs", "0");
        assertUsageError("missing benchmark", "bench");
        assertUsageError("--matmul-size: expected at least 1, got 0", "doctor", "--matmul-size", "0");
        assertUsageError("--reps", "doctor", "--reps", "x");
    }
}
