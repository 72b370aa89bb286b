package ai.foresight.encoders.catalog;

import ai.djl.Device;
import ai.foresight.encoders.PatchEncoder;
import ai.foresight.encoders.PixelNormalization;
import ai.foresight.encoders.torchscript.TorchScriptConfig;
import ai.foresight.encoders.torchscript.TorchScriptPatchEncoder;
import ai.foresight.encoders.vit.VitConfig;
import ai.foresight.encoders.vit.VitPatchEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Resolves an encoder name or path to a frozen {@link PatchEncoder}:
 *
 * <ul>
 *   <li>{@code default}: the shipped encoder, a DINO-pretrained ViT on the classpath under
 *       {@value #DEFAULT_RESOURCE} (its README there holds the command that made it);
 *   <li>{@code random-<preset>} or {@code random-<preset>:<seed>}: an untrained ViT of {@link VitConfig}
 *       preset {@code tiny} or {@code default}, seeded (seed 0 when omitted), the baseline a trained
 *       encoder must beat;
 *   <li>a folder holding {@code encoder.json} + {@code encoder.params} ({@link VitPatchEncoder#save}),
 *       or a {@code pretrain-encoder} run folder holding {@code encoder/};
 *   <li>a {@code .pt} TorchScript file ({@link TorchScriptPatchEncoder}); a sidecar
 *       {@code <file>.json} may set {@code input_size}, {@code patch_size}, {@code skip_tokens} and
 *       {@code normalization} ({@code imagenet} or {@code identity}); without one it is read as
 *       DINOv2 ViT-S/14 (224 px, patch 14, patch tokens only, ImageNet normalisation).
 * </ul>
 *
 * Anything else is an {@link IllegalArgumentException} naming the value and what was expected.
 */
public final class Encoders {
    /** Name of the shipped encoder. */
    public static final String DEFAULT = "default";
    /** Prefix of untrained baseline encoders. */
    public static final String RANDOM_PREFIX = "random-";
    /** Classpath folder of the shipped encoder. */
    public static final String DEFAULT_RESOURCE = "/ai/foresight/encoders/default/";
    /** Architecture presets a random encoder can take. */
    public static final List<String> PRESETS = List.of("tiny", "default");
    private static final String EXPECTED = "expected 'default', 'random-tiny', 'random-default' (optionally ':SEED'), "
            + "an encoder folder (encoder.json + encoder.params) or a TorchScript .pt file";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Encoders() {}

    /** Loads {@code nameOrPath} on the CPU. */
    public static PatchEncoder load(String nameOrPath) throws IOException {
        return load(nameOrPath, Device.cpu());
    }

    /**
     * Loads {@code nameOrPath} (see the class comment) on {@code device}; the caller closes it.
     *
     * @throws IllegalArgumentException naming the value when it is none of the accepted kinds
     * @throws IOException when a file is unreadable or does not match its config
     */
    public static PatchEncoder load(String nameOrPath, Device device) throws IOException {
        if (nameOrPath == null || nameOrPath.isBlank()) {
            throw new IllegalArgumentException("encoder: " + EXPECTED + ", got an empty value");
        }
        if (DEFAULT.equals(nameOrPath)) {
            return loadDefault(device);
        }
        if (nameOrPath.startsWith(RANDOM_PREFIX)) {
            return random(nameOrPath, device);
        }
        Path path = Path.of(nameOrPath);
        if (Files.isDirectory(path)) {
            return VitPatchEncoder.load(encoderFolder(path, nameOrPath), device);
        }
        if (Files.isRegularFile(path) && nameOrPath.toLowerCase(Locale.ROOT).endsWith(".pt")) {
            return TorchScriptPatchEncoder.load(torchScriptConfig(path), device);
        }
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("encoder '" + nameOrPath + "': no such name, folder or file; " + EXPECTED);
        }
        throw new IllegalArgumentException("encoder '" + nameOrPath + "': not an encoder; " + EXPECTED);
    }

    /** Whether the shipped encoder is on the classpath. */
    public static boolean hasDefault() {
        return Encoders.class.getResource(DEFAULT_RESOURCE + VitPatchEncoder.CONFIG_FILE) != null
                && Encoders.class.getResource(DEFAULT_RESOURCE + VitPatchEncoder.PARAMS_FILE) != null;
    }

    /** The shipped encoder, copied from the classpath (it may sit inside a jar) into a temporary folder and loaded. */
    public static VitPatchEncoder loadDefault(Device device) throws IOException {
        if (!hasDefault()) {
            throw new IllegalStateException("encoder 'default': the shipped checkpoint is missing from the classpath ("
                    + DEFAULT_RESOURCE + VitPatchEncoder.CONFIG_FILE + " and " + VitPatchEncoder.PARAMS_FILE
                    + "); rebuild the encoders module");
        }
        Path tmp = Files.createTempDirectory("foresight-default-encoder");
        try {
            for (String file : List.of(VitPatchEncoder.CONFIG_FILE, VitPatchEncoder.PARAMS_FILE)) {
                try (InputStream in = Encoders.class.getResourceAsStream(DEFAULT_RESOURCE + file)) {
                    Files.copy(in, tmp.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return VitPatchEncoder.load(tmp, device);
        } finally {
            deleteTree(tmp);
        }
    }

    /** Parses {@code random-<preset>[:<seed>]} into an untrained, frozen ViT. */
    public static VitPatchEncoder random(String name, Device device) {
        String spec = name.substring(RANDOM_PREFIX.length());
        long seed = 0;
        int colon = spec.indexOf(':');
        if (colon >= 0) {
            try {
                seed = Long.parseLong(spec.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("encoder '" + name + "': expected an integer seed after ':', got '"
                        + spec.substring(colon + 1) + "'");
            }
            spec = spec.substring(0, colon);
        }
        if (!PRESETS.contains(spec)) {
            throw new IllegalArgumentException("encoder '" + name + "': expected preset " + String.join(" or ", PRESETS)
                    + " after 'random-', got '" + spec + "'");
        }
        return VitPatchEncoder.create("tiny".equals(spec) ? VitConfig.tiny() : VitConfig.defaults(), seed, device);
    }

    /**
     * An untrained ViT of the same architecture as {@code encoder} (the probe's baseline); for a
     * non-ViT encoder, the default preset resized to its input.
     */
    public static VitPatchEncoder randomLike(PatchEncoder encoder, long seed, Device device) {
        VitConfig config = encoder instanceof VitPatchEncoder vit ? vit.config()
                : VitConfig.defaults().withImageSize(encoder.inputHeight() - encoder.inputHeight() % VitConfig.defaults().patchSize());
        return VitPatchEncoder.create(config, seed, device);
    }

    private static Path encoderFolder(Path dir, String value) {
        if (Files.isRegularFile(dir.resolve(VitPatchEncoder.CONFIG_FILE))) {
            return dir;
        }
        Path nested = dir.resolve("encoder");
        if (Files.isRegularFile(nested.resolve(VitPatchEncoder.CONFIG_FILE))) {
            return nested;
        }
        throw new IllegalArgumentException("encoder '" + value + "': folder has no " + VitPatchEncoder.CONFIG_FILE
                + " (nor encoder/" + VitPatchEncoder.CONFIG_FILE + "); " + EXPECTED);
    }

    /** DINOv2-S/14 settings, overridden by a {@code <file>.json} sidecar when present. */
    static TorchScriptConfig torchScriptConfig(Path file) throws IOException {
        TorchScriptConfig base = TorchScriptConfig.dinov2Small(file);
        Path sidecar = file.resolveSibling(file.getFileName() + ".json");
        if (!Files.isRegularFile(sidecar)) {
            return base;
        }
        JsonNode n = JSON.readTree(sidecar.toFile());
        String norm = n.path("normalization").asText("imagenet");
        PixelNormalization normalization = switch (norm) {
            case "imagenet" -> PixelNormalization.imagenet();
            case "identity" -> PixelNormalization.identity();
            default -> throw new IllegalArgumentException(sidecar + ": normalization: expected imagenet or identity, got '"
                    + norm + "'");
        };
        return new TorchScriptConfig(file, n.path("input_size").asInt(base.inputSize()),
                n.path("patch_size").asInt(base.patchSize()), n.path("skip_tokens").asInt(base.skipTokens()), normalization);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
