package ai.foresight.encoders.vit;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.foresight.datasets.store.AtomicFileWriter;
import ai.foresight.encoders.BlockWeights;
import ai.foresight.encoders.EncoderFingerprint;
import ai.foresight.encoders.PatchEncoder;
import ai.foresight.encoders.PatchFeatures;
import ai.foresight.encoders.PixelNormalization;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@link PatchEncoder} backed by the DJL {@link VisionTransformer}: patch tokens after the final
 * LayerNorm, average-pooled by {@link VitConfig#outputPool()}, CLS token alongside.
 *
 * <p>Frozen on creation: its parameters take no gradient and outputs are detached. The test-time
 * adaptation of the encoder (RePo) calls {@link #setTrainable(boolean)} and trains {@link #network()}.
 * Saved as a folder with {@code encoder.json} (the config) and {@code encoder.params} ({@link BlockWeights}).
 */
public final class VitPatchEncoder implements PatchEncoder {
    /** File holding the configuration in a saved encoder folder. */
    public static final String CONFIG_FILE = "encoder.json";
    /** File holding the weights in a saved encoder folder. */
    public static final String PARAMS_FILE = "encoder.params";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final VitConfig config;
    private final VisionTransformer network;
    private final NDManager manager;
    private final Device device;
    private boolean frozen;
    private String cachedId;

    private VitPatchEncoder(VitConfig config, VisionTransformer network, NDManager manager, Device device) {
        this.config = config;
        this.network = network;
        this.manager = manager;
        this.device = device;
        setTrainable(false);
    }

    /** A freshly initialised (untrained) encoder; the same seed gives the same weights. */
    public static VitPatchEncoder create(VitConfig config, long seed, Device device) {
        NDManager manager = NDManager.newBaseManager(device);
        Engine.getInstance().setRandomSeed((int) seed);
        VisionTransformer network = new VisionTransformer(config);
        network.initialize(manager, DataType.FLOAT32, inputShape(config));
        return new VitPatchEncoder(config, network, manager, device);
    }

    /**
     * Loads an encoder saved by {@link #save} or by DINO pretraining.
     *
     * @throws IOException if {@code dir} lacks {@value #CONFIG_FILE} or {@value #PARAMS_FILE}, or they do not match
     */
    public static VitPatchEncoder load(Path dir, Device device) throws IOException {
        Path configFile = dir.resolve(CONFIG_FILE);
        Path paramsFile = dir.resolve(PARAMS_FILE);
        if (!Files.isRegularFile(configFile) || !Files.isRegularFile(paramsFile)) {
            throw new IOException("encoder folder " + dir + ": expected " + CONFIG_FILE + " and " + PARAMS_FILE);
        }
        VitConfig config = JSON.readValue(configFile.toFile(), VitConfig.class);
        NDManager manager = NDManager.newBaseManager(device);
        VisionTransformer network = new VisionTransformer(config);
        network.initialize(manager, DataType.FLOAT32, inputShape(config));
        try (InputStream in = new BufferedInputStream(Files.newInputStream(paramsFile))) {
            BlockWeights.load(network, manager, new DataInputStream(in), paramsFile + " (config " + CONFIG_FILE + ")");
        } catch (IOException e) {
            manager.close();
            throw e;
        }
        return new VitPatchEncoder(config, network, manager, device);
    }

    /** Saves {@code network}'s config and weights into {@code dir}, each file written atomically. */
    public static void save(VisionTransformer network, Path dir) throws IOException {
        Files.createDirectories(dir);
        AtomicFileWriter.write(dir.resolve(PARAMS_FILE), out -> BlockWeights.save(network, new DataOutputStream(out)));
        AtomicFileWriter.writeString(dir.resolve(CONFIG_FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(network.config()));
    }

    /** Saves this encoder into {@code dir}. */
    public void save(Path dir) throws IOException {
        save(network, dir);
    }

    /** (1, 3, S, S) for a config's native size S. */
    static Shape inputShape(VitConfig config) {
        return new Shape(1, 3, config.imageSize(), config.imageSize());
    }

    @Override
    public PatchFeatures encodeFeatures(NDArray pixels) {
        checkInput(pixels);
        NDManager caller = pixels.getManager();
        try (NDManager step = caller.newSubManager()) {
            NDArray input = pixels.getDevice().equals(device) ? pixels : pixels.toDevice(device, false);
            if (input == pixels) {
                pixels.tempAttach(step);
            } else {
                input.attach(step);
            }
            NDArray tokens = network.forward(new ParameterStore(step, false), new NDList(input), false).singletonOrThrow();
            NDArray cls = tokens.get(new NDIndex(":, 0, :"));
            NDArray patches = poolToOutputGrid(tokens.get(new NDIndex(":, 1:, :")));
            if (frozen) {
                cls = cls.stopGradient();
                patches = patches.stopGradient();
            }
            cls.attach(caller);
            patches.attach(caller);
            return new PatchFeatures(patches, cls);
        }
    }

    /**
     * (B, g², D) → (B, (g/k)², D) by k x k average pooling over the patch grid (k = the config's output
     * pool; unchanged when k is 1). Public so that callers running the network themselves (with pixel
     * gradients, for instance) produce the same features as {@link #encode}.
     */
    public NDArray poolToOutputGrid(NDArray patches) {
        int k = config.outputPool();
        if (k == 1) {
            return patches;
        }
        long b = patches.getShape().get(0);
        int g = config.grid();
        NDArray grid = patches.reshape(b, g, g, config.dim()).transpose(0, 3, 1, 2);
        NDArray pooled = Pool.avgPool2d(grid, new Shape(k, k), new Shape(k, k), new Shape(0, 0), false, true);
        return pooled.transpose(0, 2, 3, 1).reshape(b, (long) config.outputGrid() * config.outputGrid(), config.dim());
    }

    /**
     * Freezes (false, the default) or unfreezes (true) the parameters. While trainable, outputs keep
     * their autograd history and the id is recomputed on each call, since the weights may change.
     */
    public void setTrainable(boolean trainable) {
        network.freezeParameters(!trainable);
        frozen = !trainable;
        cachedId = null;
    }

    /** The network itself, for training or adaptation. */
    public VisionTransformer network() {
        return network;
    }

    public VitConfig config() {
        return config;
    }

    @Override
    public int gridHeight() {
        return config.outputGrid();
    }

    @Override
    public int gridWidth() {
        return config.outputGrid();
    }

    @Override
    public int dim() {
        return config.dim();
    }

    @Override
    public int inputHeight() {
        return config.imageSize();
    }

    @Override
    public int inputWidth() {
        return config.imageSize();
    }

    @Override
    public PixelNormalization normalization() {
        return config.normalization();
    }

    @Override
    public boolean isFrozen() {
        return frozen;
    }

    @Override
    public double flopsPerFrame() {
        return config.flopsPerFrame(config.imageSize(), config.imageSize());
    }

    @Override
    public String id() {
        if (cachedId != null) {
            return cachedId;
        }
        EncoderFingerprint fingerprint = new EncoderFingerprint().add("vit").add(config.toString());
        for (Pair<String, Parameter> p : network.getParameters()) {
            fingerprint.add(p.getKey()).add(p.getValue().getArray().toByteArray());
        }
        String id = fingerprint.id("vit");
        if (frozen) {
            cachedId = id;
        }
        return id;
    }

    @Override
    public void close() {
        manager.close();
    }

    @Override
    public String toString() {
        return "VitPatchEncoder[" + config + ", frozen=" + frozen + "]";
    }
}
