package ai.foresight.experiments.job;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Resolves a command's settings from three layers, highest first: flags on the command line, the
 * {@code --config} file, the defaults declared on the options.
 *
 * <p>Values reach picocli as default values (so they are converted and validated like typed flags),
 * except boolean flags: picocli flips a flag to the opposite of its default when it is given, so a
 * config {@code "json": true} plus {@code --json} would turn it off. Flags are therefore applied
 * after parsing, only where the command line did not set them. Positional parameters are keyed by
 * their label ({@code DIR} is {@code dir}).
 */
public final class CommandConfig implements IDefaultValueProvider {
    private static final Set<String> NOT_CONFIGURABLE = Set.of("config", "help", "version");
    /** Written to config.json for the record; accepted and ignored when the file is read back. */
    static final String COMMAND_KEY = "command";

    private final ConfigFile file;
    private final Set<CommandSpec> checked = Collections.newSetFromMap(new IdentityHashMap<>());

    public CommandConfig(ConfigFile file) {
        this.file = file;
    }

    public ConfigFile file() {
        return file;
    }

    /** The config key of an option or positional parameter. */
    public static String keyOf(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            return ConfigFile.normalize(option.longestName());
        }
        String label = ((PositionalParamSpec) arg).paramLabel().replace("<", "").replace(">", "");
        return ConfigFile.normalize(label);
    }

    /**
     * The config value for {@code arg}. The first time a job's setting is asked for, every key of
     * the file is checked against that job's settings, so a misspelt key is reported as such rather
     * than as a missing required flag.
     *
     * @throws ParameterException naming an unknown key
     */
    @Override
    public String defaultValue(ArgSpec arg) {
        CommandSpec command = arg.command();
        if (command != null && command.userObject() instanceof JobCommand && checked.add(command)) {
            checkKeys(command);
        }
        String key = keyOf(arg);
        if (NOT_CONFIGURABLE.contains(key) || isFlag(arg)) {
            return null;
        }
        return file.values().get(key);
    }

    /**
     * Applies the boolean flags of the file that the command line left unset.
     *
     * @throws ParameterException if a flag's value is not true or false
     */
    public void applyFlags(CommandSpec spec, ParseResult parsed) {
        Map<String, ArgSpec> settings = settingsOf(spec);
        for (Map.Entry<String, String> entry : file.values().entrySet()) {
            ArgSpec arg = settings.get(entry.getKey());
            if (arg != null && isFlag(arg) && !parsed.hasMatchedOption((OptionSpec) arg)) {
                arg.setValue(parseFlag(spec, entry.getKey(), entry.getValue()));
            }
        }
    }

    private void checkKeys(CommandSpec spec) {
        Map<String, ArgSpec> settings = settingsOf(spec);
        for (String key : file.values().keySet()) {
            if (!key.equals(COMMAND_KEY) && !settings.containsKey(key)) {
                throw new ParameterException(spec.commandLine(), "--config " + file.path() + ": unknown key '" + key
                        + "' (expected one of " + String.join(", ", new TreeSet<>(settings.keySet())) + ")");
            }
        }
    }

    /** The settings of {@code spec} after resolution, as JSON-ready values keyed like the config file. */
    public static Map<String, Object> resolved(CommandSpec spec) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(COMMAND_KEY, spec.qualifiedName());
        settingsOf(spec).forEach((key, arg) -> out.put(key, jsonValue(arg.getValue())));
        return out;
    }

    private static Map<String, ArgSpec> settingsOf(CommandSpec spec) {
        Map<String, ArgSpec> settings = new LinkedHashMap<>();
        for (OptionSpec option : spec.options()) {
            String key = keyOf(option);
            if (!NOT_CONFIGURABLE.contains(key)) {
                settings.put(key, option);
            }
        }
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            settings.put(keyOf(positional), positional);
        }
        return settings;
    }

    private static boolean isFlag(ArgSpec arg) {
        return arg instanceof OptionSpec option && option.arity().max() == 0
                && (option.type() == boolean.class || option.type() == Boolean.class);
    }

    private static boolean parseFlag(CommandSpec spec, String key, String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new ParameterException(spec.commandLine(), "--config: key '" + key + "' expected true or false, got '" + value + "'");
    }

    private static Object jsonValue(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof Path || value instanceof File || value instanceof Enum<?>) {
            return value.toString();
        }
        if (value instanceof Collection<?> collection) {
            List<Object> list = new ArrayList<>();
            collection.forEach(element -> list.add(jsonValue(element)));
            return list;
        }
        return value.toString();
    }
}
