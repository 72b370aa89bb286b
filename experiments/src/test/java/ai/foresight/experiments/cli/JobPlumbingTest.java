package ai.foresight.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The contract every job shares: settings precedence, --json, result/config files, errors. */
class JobPlumbingTest {
    @TempDir
    Path tmp;

    private static CliRun echo(String... args) {
        CommandLine cmd = ForesightCli.commandLine();
        cmd.addSubcommand("echo", new EchoJob());
        String[] full = new String[args.length + 1];
        full[0] = "echo";
        System.arraycopy(args, 0, full, 1, args.length);
        return CliRun.of(cmd, full);
    }

    private Path write(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void declaredDefaultsApplyWithoutConfigOrFlags() {
        CliRun run = echo("--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode json = run.lastLineJson();
        assertEquals(1, json.get("count").asInt());
        assertEquals("a", json.get("names").get(0).asText());
        assertFalse(json.get("shout").asBoolean());
    }

    @Test
    void configFileOverridesDefaultsAndFlagsOverrideConfig() throws IOException {
        Path config = write("c.json", "{\"count\": 7, \"names\": [\"x\", \"y\"], \"shout\": true}");
        JsonNode fromFile = echo("--config", config.toString(), "--json").lastLineJson();
        assertEquals(7, fromFile.get("count").asInt());
        assertEquals(List.of("x", "y"), List.of(fromFile.get("names").get(0).asText(), fromFile.get("names").get(1).asText()));
        assertTrue(fromFile.get("shout").asBoolean());

        JsonNode flagsWin = echo("--count", "3", "--names", "z", "--shout", "--config", config.toString(), "--json").lastLineJson();
        assertEquals(3, flagsWin.get("count").asInt());
        assertEquals(1, flagsWin.get("names").size());
        assertEquals("z", flagsWin.get("names").get(0).asText());
        assertTrue(flagsWin.get("shout").asBoolean(), "--shout on the command line must not toggle a config 'true' off");
    }

    @Test
    void yamlConfigWithSnakeCaseKeysAndConfigDrivenJsonFlag() throws IOException {
        Path config = write("c.yaml", "count: 4\nnames:\n  - p\n  - q\njson: true\n");
        CliRun run = echo("--config", config.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(4, run.lastLineJson().get("count").asInt());
        assertEquals(2, run.lastLineJson().get("names").size());
    }

    @Test
    void jsonIsTheOnlyAndLastLineOfStdout() {
        CliRun run = echo("--json", "--count", "2");
        assertEquals(1, run.stdoutLines().size(), run::toString);
        assertTrue(run.lastLineJson().isObject());
        assertTrue(run.stderr().contains("echo: count 2"), "human lines move to stderr under --json");

        CliRun human = echo("--count", "2");
        assertEquals(List.of("echo: count 2"), human.stdoutLines());
    }

    @Test
    void verboseShowsDetails() {
        assertFalse(echo().stdout().contains("echo: details"));
        assertTrue(echo("-v").stdout().contains("echo: details"));
    }

    @Test
    void writesResultAndResolvedConfigThatReproducesTheRun() throws IOException {
        Path out = tmp.resolve("run");
        Path config = write("c.json", "{\"count\": 5}");
        CliRun run = echo("--config", config.toString(), "--names", "m,n", "--out", out.toString(), "--json");
        assertEquals(0, run.exitCode(), run::toString);

        JsonNode result = CliRun.readJson(out.resolve("result.json"));
        assertEquals(run.lastLineJson(), result);
        JsonNode resolved = CliRun.readJson(out.resolve("config.json"));
        assertEquals("foresight echo", resolved.get("command").asText());
        assertEquals(5, resolved.get("count").asInt());
        assertEquals("m", resolved.get("names").get(0).asText());
        assertEquals(out.toString(), resolved.get("out").asText());

        Path again = tmp.resolve("again");
        CliRun replay = echo("--config", out.resolve("config.json").toString(), "--out", again.toString(), "--json");
        assertEquals(0, replay.exitCode(), replay::toString);
        assertEquals(result.get("count"), replay.lastLineJson().get("count"));
        assertEquals(result.get("names"), replay.lastLineJson().get("names"));
    }

    @Test
    void badFlagValueExitsTwoWithOneLineNamingTheFlag() {
        CliRun run = echo("--count", "many");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.stderrLines().size(), run::toString);
        assertTrue(run.stderr().startsWith("foresight echo: "), run.stderr());
        assertTrue(run.stderr().contains("'--count'"), run.stderr());
        assertTrue(run.stdout().isEmpty());
    }

    @Test
    void validationErrorNamesTheFlagAndTheExpectation() {
        CliRun run = echo("--count", "-1");
        assertEquals(2, run.exitCode());
        assertEquals("foresight echo: --count: expected at least 0, got -1 (see 'foresight echo --help')", run.stderrLines().get(0));
    }

    @Test
    void badConfigValueNamesTheFlag() throws IOException {
        Path config = write("c.json", "{\"count\": \"lots\"}");
        CliRun run = echo("--config", config.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("--count"), run.stderr());
    }

    @Test
    void unknownConfigKeyIsNamed() throws IOException {
        Path config = write("c.json", "{\"cuont\": 3}");
        CliRun run = echo("--config", config.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("unknown key 'cuont'"), run.stderr());
        assertTrue(run.stderr().contains("count"), "lists the keys it knows: " + run.stderr());
    }

    @Test
    void missingOrMalformedConfigFileIsOneLine() throws IOException {
        CliRun missing = echo("--config", tmp.resolve("nope.json").toString());
        assertEquals(2, missing.exitCode());
        assertEquals(1, missing.stderrLines().size(), missing::toString);
        assertTrue(missing.stderr().contains("no such file"), missing.stderr());

        CliRun broken = echo("--config", write("b.json", "{\"count\": ").toString());
        assertEquals(2, broken.exitCode());
        assertEquals(1, broken.stderrLines().size(), broken::toString);
        assertTrue(broken.stderr().contains("not valid JSON"), broken.stderr());
    }

    @Test
    void failingJobExitsOneWithoutStackTraceUnlessVerbose() {
        CliRun quiet = echo("--fail");
        assertEquals(1, quiet.exitCode());
        assertEquals(List.of("foresight echo: echo failed on purpose"), quiet.stderrLines());

        CliRun verbose = echo("--fail", "-v");
        assertEquals(1, verbose.exitCode());
        assertTrue(verbose.stderrLines().size() > 1);
        assertTrue(verbose.stderr().contains("at ai.foresight.experiments.cli.EchoJob.run"), verbose.stderr());
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"quickstart", "--help"},
                new String[] {"generate", "--help"}, new String[] {"show", "--help"}, new String[] {"doctor", "--help"},
                new String[] {"bench", "--help"}, new String[] {"bench", "generate", "--help"})) {
            CliRun run = CliRun.of(args);
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.stdout().startsWith("Usage: foresight"), run.stdout());
        }
    }

    @Test
    void unknownCommandIsAUsageError() {
        CliRun run = CliRun.of("frobnicate");
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("'frobnicate'"), run.stderr());
    }
}
