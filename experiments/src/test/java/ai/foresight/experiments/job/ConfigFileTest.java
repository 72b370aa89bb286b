package ai.foresight.experiments.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    @TempDir
    Path tmp;

    @Test
    void jsonScalarsAndListsBecomeArgumentStrings() throws IOException {
        Path file = tmp.resolve("c.json");
        Files.writeString(file, "{\"episodes\": 20, \"world\": \"wall\", \"distractor\": [\"tv\", \"shapes\"],"
                + " \"matmul_size\": 256, \"--seed\": 3, \"json\": true, \"ratio\": 0.5}");
        Map<String, String> values = ConfigFile.load(file).values();
        assertEquals("20", values.get("episodes"));
        assertEquals("wall", values.get("world"));
        assertEquals("tv,shapes", values.get("distractor"));
        assertEquals("256", values.get("matmul-size"), "snake_case keys are read as flag names");
        assertEquals("3", values.get("seed"), "leading dashes are dropped");
        assertEquals("true", values.get("json"));
        assertEquals("0.5", values.get("ratio"));
    }

    @Test
    void yamlIsReadByExtension() throws IOException {
        Path file = tmp.resolve("c.yml");
        Files.writeString(file, "episodes: 5\ndistractor: [lighting]\n");
        ConfigFile config = ConfigFile.load(file);
        assertEquals(Optional.of("5"), config.get("episodes"));
        assertEquals(Optional.of("lighting"), config.get("distractor"));
    }

    @Test
    void emptyFileIsAnEmptyConfig() throws IOException {
        Path file = tmp.resolve("empty.yaml");
        Files.writeString(file, "");
        assertTrue(ConfigFile.load(file).values().isEmpty());
    }

    @Test
    void rejectsNonObjectsAndNestedValuesNamingTheKey() throws IOException {
        Path list = tmp.resolve("list.json");
        Files.writeString(list, "[1, 2]");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConfigFile.load(list)).getMessage()
                .contains("expected an object"));

        Path nested = tmp.resolve("nested.json");
        Files.writeString(nested, "{\"planner\": {\"samples\": 300}}");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConfigFile.load(nested)).getMessage()
                .contains("key 'planner'"));

        Path nullValue = tmp.resolve("null.json");
        Files.writeString(nullValue, "{\"episodes\": null}");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConfigFile.load(nullValue)).getMessage()
                .contains("key 'episodes'"));
    }

    @Test
    void findsTheConfigFlagBeforeParsing() {
        assertEquals(Optional.of(Path.of("a.json")), ConfigFile.findIn(new String[] {"generate", "--config", "a.json"}));
        assertEquals(Optional.of(Path.of("b.yaml")), ConfigFile.findIn(new String[] {"--config=b.yaml", "x"}));
        assertEquals(Optional.empty(), ConfigFile.findIn(new String[] {"show", "--", "--config", "c.json"}));
        assertEquals(Optional.empty(), ConfigFile.findIn(new String[] {"doctor", "--config"}));
    }
}
