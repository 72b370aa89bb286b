package ai.foresight.encoders.torchscript;

import ai.foresight.encoders.PixelNormalization;
import java.nio.file.Path;

/**
 * How to run an exported TorchScript patch encoder, e.g. DINOv2 ViT-S/14 traced to return its
 * normalised patch tokens.
 *
 * @param modelFile the {@code .pt} file written by {@code torch.jit.save}
 * @param inputSize square input side in pixels; a multiple of {@code patchSize}
 * @param patchSize the model's patch side (DINOv2: 14)
 * @param skipTokens leading tokens to drop from the output (0 when the export returns patch tokens
 *     only; 1 for CLS + patches; 1 + registers for DINOv2 with registers)
 * @param normalization normalisation applied to 0..1 pixels before the model (DINOv2: ImageNet)
 */
public record TorchScriptConfig(Path modelFile, int inputSize, int patchSize, int skipTokens, PixelNormalization normalization) {
    public TorchScriptConfig {
        if (modelFile == null) {
            throw new IllegalArgumentException("modelFile: expected a path, got null");
        }
        if (inputSize <= 0 || patchSize <= 0 || inputSize % patchSize != 0) {
            throw new IllegalArgumentException("inputSize/patchSize: expected positive sizes with patchSize dividing inputSize, got "
                    + inputSize + ", " + patchSize);
        }
        if (skipTokens < 0) {
            throw new IllegalArgumentException("skipTokens: expected >= 0, got " + skipTokens);
        }
        if (normalization == null) {
            throw new IllegalArgumentException("normalization: expected a value, got null");
        }
    }

    /** DINOv2 ViT-S/14 exported as the README shows: 224 px, 16x16 patch tokens of width 384. */
    public static TorchScriptConfig dinov2Small(Path modelFile) {
        return new TorchScriptConfig(modelFile, 224, 14, 0, PixelNormalization.imagenet());
    }

    /** Patch grid side. */
    public int grid() {
        return inputSize / patchSize;
    }
}
