package ai.foresight.experiments.pipeline;

import ai.djl.Device;
import ai.foresight.encoders.PatchEncoder;
import ai.foresight.encoders.vit.VitConfig;
import ai.foresight.encoders.vit.VitPatchEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves the {@code --encoder} value of the pipeline jobs to a frozen encoder: {@code random-tiny} or
 * {@code random-default} (optionally {@code :SEED}), an encoder folder ({@code encoder.json} +
 * {@code encoder.params}), or {@code default}. Stands in until the encoders catalogue (which also knows the
 * shipped encoder and TorchScript files) is on this branch; then it delegates there.
 */
final class EncoderNames {
    static final String EXPECTED = "expected 'default', 'random-tiny', 'random-default' (optionally ':SEED') or an encoder folder";

    private EncoderNames() {}

    static PatchEncoder load(String name) throws IOException {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("encoder: " + EXPECTED + ", got an empty value");
        }
        if (name.startsWith("random-")) {
            String spec = name.substring("random-".length());
            long seed = 0;
            int colon = spec.indexOf(':');
            if (colon >= 0) {
                seed = Long.parseLong(spec.substring(colon + 1));
                spec = spec.substring(0, colon);
            }
            VitConfig config = switch (spec) {
                case "tiny" -> VitConfig.tiny();
                case "default" -> VitConfig.defaults();
                default -> throw new IllegalArgumentException("encoder '" + name + "': " + EXPECTED);
            };
            return VitPatchEncoder.create(config, seed, Device.cpu());
        }
        Path dir = Path.of(name);
        if (Files.isRegularFile(dir.resolve(VitPatchEncoder.CONFIG_FILE))) {
            return VitPatchEncoder.load(dir, Device.cpu());
        }
        if ("default".equals(name)) {
            throw new IllegalStateException("encoder 'default': the shipped encoder is not part of this build yet; "
                    + "use --encoder random-default or an encoder folder");
        }
        throw new IllegalArgumentException("encoder '" + name + "': " + EXPECTED);
    }
}
