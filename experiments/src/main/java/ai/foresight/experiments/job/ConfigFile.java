package ai.foresight.experiments.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A job config file: a flat JSON or YAML object whose keys are long flag names without the dashes
 * ({@code episodes}, {@code matmul-size}; {@code matmul_size} is accepted too) and whose values are
 * scalars or lists of scalars. Values are kept as the strings a user would type after the flag, so
 * picocli converts and validates them exactly like command-line input.
 */
public final class ConfigFile {
    private final Path path;
    private final Map<String, String> values;

    private ConfigFile(Path path, Map<String, String> values) {
        this.path = path;
        this.values = Collections.unmodifiableMap(values);
    }

    /** An empty config, used when no {@code --config} was given. */
    public static ConfigFile empty() {
        return new ConfigFile(null, new LinkedHashMap<>());
    }

    /**
     * Reads {@code path}: YAML when it ends in {@code .yaml}/{@code .yml}, JSON otherwise.
     *
     * @throws IllegalArgumentException naming the file and the offending key if it cannot be used
     */
    public static ConfigFile load(Path path) {
        String name = path.getFileName().toString().toLowerCase();
        ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml")
                ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper();
        JsonNode root;
        try {
            root = mapper.readTree(Files.readString(path));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("--config: no such file " + path);
        } catch (IOException e) {
            throw new IllegalArgumentException("--config " + path + ": not valid " + (mapper.getFactory()
                    instanceof YAMLFactory ? "YAML" : "JSON") + " (" + firstLine(e.getMessage()) + ")");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new ConfigFile(path, new LinkedHashMap<>());
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("--config " + path + ": expected an object of flag names to values, got "
                    + root.getNodeType().toString().toLowerCase());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            values.put(normalize(field.getKey()), asArgument(path, field.getKey(), field.getValue()));
        }
        return new ConfigFile(path, values);
    }

    /**
     * The value of {@code --config} in raw arguments, found before parsing so that its values can act
     * as defaults during parsing. Scanning stops at {@code --} (end of options).
     */
    public static Optional<Path> findIn(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                break;
            }
            if (arg.equals("--config") && i + 1 < args.length) {
                return Optional.of(Path.of(args[i + 1]));
            }
            if (arg.startsWith("--config=")) {
                return Optional.of(Path.of(arg.substring("--config=".length())));
            }
        }
        return Optional.empty();
    }

    /** Key spelling used everywhere: lower-case flag name without dashes, words joined by '-'. */
    public static String normalize(String key) {
        String k = key.strip();
        while (k.startsWith("-")) {
            k = k.substring(1);
        }
        return k.replace('_', '-').toLowerCase();
    }

    /** The file read, or null for {@link #empty()}. */
    public Path path() {
        return path;
    }

    /** Normalized key to argument string (lists joined with ','). */
    public Map<String, String> values() {
        return values;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(normalize(key)));
    }

    private static String asArgument(Path path, String key, JsonNode node) {
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode element : node) {
                parts.add(scalar(path, key, element));
            }
            return String.join(",", parts);
        }
        return scalar(path, key, node);
    }

    private static String scalar(Path path, String key, JsonNode node) {
        if (node.isValueNode() && !node.isNull()) {
            return node.asText();
        }
        throw new IllegalArgumentException("--config " + path + ": key '" + key
                + "' expected a string, number, boolean or list of them, got " + node.getNodeType().toString().toLowerCase());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
