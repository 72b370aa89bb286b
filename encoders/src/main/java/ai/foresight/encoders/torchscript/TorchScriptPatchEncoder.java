package ai.foresight.encoders.torchscript;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.foresight.encoders.EncoderFingerprint;
import ai.foresight.encoders.PatchEncoder;
import ai.foresight.encoders.PatchFeatures;
import ai.foresight.encoders.PixelNormalization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A frozen {@link PatchEncoder} running a TorchScript export through DJL's PyTorch engine, the way
 * to use a real DINOv2 (Oquab et al., 2023) as DINO-WM does. The module must take normalised pixels
 * (B, 3, S, S) and return tokens (B, skip + N, D); the first {@code skipTokens} are dropped.
 *
 * <p>On load the module is run once on a blank input and its output shape checked against the
 * config, so a wrong file fails at once with a message saying what was expected. Its weights never
 * receive gradients: the module is in eval mode, its parameters are frozen and outputs detached.
 */
public final class TorchScriptPatchEncoder implements PatchEncoder {
    private final TorchScriptConfig config;
    private final Model model;
    private final Block block;
    private final Device device;
    private final int dim;
    private final String id;

    private TorchScriptPatchEncoder(TorchScriptConfig config, Model model, Device device, int dim, String id) {
        this.config = config;
        this.model = model;
        this.block = model.getBlock();
        this.device = device;
        this.dim = dim;
        this.id = id;
    }

    /**
     * Loads and checks the module.
     *
     * @throws IOException if the file is missing or unreadable, is not TorchScript, or its output is not
     *     (B, skip + N, D) with N = (inputSize / patchSize)²
     */
    public static TorchScriptPatchEncoder load(TorchScriptConfig config, Device device) throws IOException {
        Path file = config.modelFile();
        if (!Files.isRegularFile(file)) {
            throw new IOException("modelFile: no TorchScript file at " + file.toAbsolutePath());
        }
        EncoderFingerprint fingerprint = new EncoderFingerprint().add("torchscript").add(config.inputSize() + "/"
                + config.patchSize() + "/" + config.skipTokens() + "/" + config.normalization());
        try (InputStream in = Files.newInputStream(file)) {
            fingerprint.add(in.readAllBytes());
        }
        Model model = Model.newInstance("torchscript-encoder", device, "PyTorch");
        try {
            model.load(file);
        } catch (MalformedModelException | RuntimeException e) {
            model.close();
            throw new IOException("modelFile: " + file + " is not a loadable TorchScript module: " + e.getMessage(), e);
        }
        model.getBlock().freezeParameters(true);
        int dim;
        try {
            dim = probe(config, model.getBlock(), device);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e instanceof IOException io ? io : new IOException("modelFile: " + file + " failed on a blank "
                    + shapeOf(config) + " input: " + e.getMessage(), e);
        }
        return new TorchScriptPatchEncoder(config, model, device, dim, fingerprint.id("torchscript"));
    }

    /** Runs a blank input through the module and returns D after checking the output shape. */
    private static int probe(TorchScriptConfig config, Block block, Device device) throws IOException {
        try (NDManager m = NDManager.newBaseManager(device)) {
            NDArray blank = m.zeros(new Shape(1, 3, config.inputSize(), config.inputSize()), DataType.FLOAT32);
            NDList out = block.forward(new ParameterStore(m, false), new NDList(blank), false);
            Shape s = out.isEmpty() ? new Shape() : out.get(0).getShape();
            long tokens = (long) config.grid() * config.grid() + config.skipTokens();
            if (out.size() != 1 || s.dimension() != 3 || s.get(0) != 1 || s.get(1) != tokens) {
                throw new IOException("modelFile: " + config.modelFile() + " returned " + (out.size() == 1 ? s.toString()
                        : out.size() + " outputs") + " for a " + shapeOf(config) + " input; expected one (1, " + tokens
                        + ", D) array: " + config.skipTokens() + " skipped + " + config.grid() + "x" + config.grid()
                        + " patch tokens (check inputSize, patchSize and skipTokens)");
            }
            return (int) s.get(2);
        }
    }

    private static String shapeOf(TorchScriptConfig config) {
        return "(1, 3, " + config.inputSize() + ", " + config.inputSize() + ")";
    }

    @Override
    public PatchFeatures encodeFeatures(NDArray pixels) {
        checkInput(pixels);
        NDManager caller = pixels.getManager();
        try (NDManager step = caller.newSubManager(device)) {
            NDArray input = pixels.toDevice(device, true);
            input.attach(step);
            NDArray normalised = config.normalization().apply(input);
            NDArray tokens = block.forward(new ParameterStore(step, false), new NDList(normalised), false).singletonOrThrow();
            tokens.attach(step);
            NDArray patches = tokens.get(new NDIndex(":, " + config.skipTokens() + ":, :")).stopGradient();
            patches.attach(caller);
            return new PatchFeatures(patches, null);
        }
    }

    public TorchScriptConfig config() {
        return config;
    }

    @Override
    public int gridHeight() {
        return config.grid();
    }

    @Override
    public int gridWidth() {
        return config.grid();
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public int inputHeight() {
        return config.inputSize();
    }

    @Override
    public int inputWidth() {
        return config.inputSize();
    }

    @Override
    public PixelNormalization normalization() {
        return config.normalization();
    }

    @Override
    public boolean isFrozen() {
        return true;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void close() {
        model.close();
    }

    @Override
    public String toString() {
        return "TorchScriptPatchEncoder[" + config.modelFile().getFileName() + ", " + config.grid() + "x" + config.grid()
                + "x" + dim + "]";
    }
}
