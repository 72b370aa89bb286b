package ai.foresight.adaptation.encoder;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import ai.foresight.datasets.store.AtomicFileWriter;
import ai.foresight.encoders.BlockWeights;
import ai.foresight.encoders.EncoderFingerprint;
import ai.foresight.encoders.PatchEncoder;
import ai.foresight.encoders.PatchFeatures;
import ai.foresight.encoders.PixelNormalization;
import ai.foresight.encoders.vit.VitPatchEncoder;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A frozen {@link PatchEncoder} seen through light, learnable adapters: an optional {@link ColorAdapter}
 * and an optional {@link PixelResidualAdapter} on the pixels (in that order) and an optional
 * {@link FeatureAdapter} on the patch features. It is itself a {@code PatchEncoder} with the base's input
 * size, grid and width, so planning code runs an adapted encoder unchanged. The base's weights are never touched.
 *
 * <p>{@link #encode} gives detached features like any frozen encoder; {@link #encodeDifferentiable} keeps
 * the graph to the adapters' parameters for the aligner. The wrapper does not own the base encoder:
 * {@link #close} frees the adapters only. Saved as {@value #CONFIG_FILE} + {@value #PARAMS_FILE}, loaded
 * onto the same base (its id is recorded and checked).
 */
public final class AdaptedPatchEncoder implements PatchEncoder {
    public static final String CONFIG_FILE = "adapters.json";
    public static final String PARAMS_FILE = "adapters.params";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PatchEncoder base;
    private final AdapterConfig config;
    private final NDManager manager;
    private final ColorAdapter color;
    private final PixelResidualAdapter pixelResidual;
    private final FeatureAdapter features;
    private final PixelGradientVit pixelPath;

    private AdaptedPatchEncoder(PatchEncoder base, AdapterConfig config, long seed) {
        if (base == null || config == null) {
            throw new IllegalArgumentException("base, config: expected an encoder and an AdapterConfig, got null");
        }
        if (config.hasPixelAdapter() && !(base instanceof VitPatchEncoder)) {
            throw new IllegalArgumentException("adapters." + (config.color() ? "color" : "pixelChannels")
                    + ": needs gradients through the frozen encoder to its pixels, which only a VitPatchEncoder gives; got "
                    + base.getClass().getSimpleName() + " (use AdapterConfig.featuresOnly())");
        }
        this.base = base;
        this.config = config;
        this.manager = NDManager.newBaseManager();
        Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
        Shape pixelShape = new Shape(1, 3, base.inputHeight(), base.inputWidth());
        if (config.color()) {
            this.color = new ColorAdapter();
            color.initialize(manager, DataType.FLOAT32, pixelShape);
        } else {
            this.color = null;
        }
        if (config.pixelChannels() > 0) {
            this.pixelResidual = new PixelResidualAdapter(config.pixelChannels());
            pixelResidual.initialize(manager, DataType.FLOAT32, pixelShape);
        } else {
            this.pixelResidual = null;
        }
        this.pixelPath = config.hasPixelAdapter() ? new PixelGradientVit((VitPatchEncoder) base) : null;
        if (config.hasFeatureAdapter()) {
            this.features = new FeatureAdapter(base.dim(), config.featureAffine(), config.residualRank());
            features.initialize(manager, DataType.FLOAT32, new Shape(1, base.tokens(), base.dim()));
        } else {
            this.features = null;
        }
    }

    /** Wraps {@code base} with freshly initialised (identity) adapters; the seed fixes the residual's init. */
    public static AdaptedPatchEncoder wrap(PatchEncoder base, AdapterConfig config, long seed) {
        return new AdaptedPatchEncoder(base, config, seed);
    }

    /**
     * Loads adapters saved by {@link #save} onto {@code base}.
     *
     * @throws IOException if the files are missing or damaged, or were saved on another base encoder
     */
    public static AdaptedPatchEncoder load(Path dir, PatchEncoder base) throws IOException {
        Path configFile = dir.resolve(CONFIG_FILE);
        Path paramsFile = dir.resolve(PARAMS_FILE);
        if (!Files.isRegularFile(configFile) || !Files.isRegularFile(paramsFile)) {
            throw new IOException("adapter folder " + dir + ": expected " + CONFIG_FILE + " and " + PARAMS_FILE);
        }
        Saved saved = JSON.readValue(configFile.toFile(), Saved.class);
        if (!saved.baseId().equals(base.id())) {
            throw new IOException(configFile + ": base_id: adapters were learned on encoder " + saved.baseId()
                    + ", got " + base.id());
        }
        AdaptedPatchEncoder adapted = new AdaptedPatchEncoder(base, saved.adapters(), 0);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(paramsFile))) {
            DataInputStream data = new DataInputStream(in);
            for (AbstractBlock block : adapted.blocks()) {
                BlockWeights.load(block, adapted.manager, data, paramsFile.toString());
            }
        } catch (IOException | RuntimeException e) {
            adapted.close();
            throw e;
        }
        return adapted;
    }

    /** Writes the adapter config, the base's id and the adapter weights into {@code dir}, atomically per file. */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        AtomicFileWriter.write(dir.resolve(PARAMS_FILE), out -> {
            DataOutputStream data = new DataOutputStream(out);
            for (AbstractBlock block : blocks()) {
                BlockWeights.save(block, data);
            }
            data.flush();
        });
        AtomicFileWriter.writeString(dir.resolve(CONFIG_FILE),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(new Saved(config, base.id())));
    }

    /** What {@value #CONFIG_FILE} holds. */
    record Saved(@JsonProperty("adapters") AdapterConfig adapters, @JsonProperty("base_id") String baseId) {}

    private java.util.List<AbstractBlock> blocks() {
        java.util.List<AbstractBlock> list = new java.util.ArrayList<>();
        if (color != null) {
            list.add(color);
        }
        if (pixelResidual != null) {
            list.add(pixelResidual);
        }
        if (features != null) {
            list.add(features);
        }
        return list;
    }

    /**
     * Adapted patch features with the graph to the adapters kept (call inside a gradient collector).
     *
     * @param pixels (B, 3, H, W) in 0..1 at the base's input size
     * @return (B, N, D) in the manager of {@code pixels}
     */
    public NDArray encodeDifferentiable(NDArray pixels) {
        checkInput(pixels);
        NDArray f;
        if (pixelPath != null) {
            NDArray adapted = pixels;
            if (color != null) {
                adapted = color.forward(new ParameterStore(pixels.getManager(), false), new NDList(adapted), false)
                        .singletonOrThrow();
            }
            if (pixelResidual != null) {
                adapted = pixelResidual.forward(new ParameterStore(pixels.getManager(), false), new NDList(adapted), false)
                        .singletonOrThrow();
            }
            f = pixelPath.encode(adapted);
        } else {
            f = base.encode(pixels);
        }
        if (features != null) {
            f = features.forward(new ParameterStore(pixels.getManager(), false), new NDList(f), false).singletonOrThrow();
        }
        return f;
    }

    @Override
    public PatchFeatures encodeFeatures(NDArray pixels) {
        NDManager caller = pixels.getManager();
        try (NDManager step = caller.newSubManager()) {
            pixels.tempAttach(step);
            NDArray patches = encodeDifferentiable(pixels).stopGradient();
            patches.attach(caller);
            return new PatchFeatures(patches, null);
        }
    }

    /** The adapters' parameters, named {@code color/…}, {@code pixels/…} and {@code features/…}. */
    public PairList<String, Parameter> trainableParameters() {
        PairList<String, Parameter> all = new PairList<>();
        addParameters(all, "color/", color);
        addParameters(all, "pixels/", pixelResidual);
        addParameters(all, "features/", features);
        return all;
    }

    private static void addParameters(PairList<String, Parameter> all, String prefix, AbstractBlock block) {
        if (block != null) {
            for (Pair<String, Parameter> p : block.getParameters()) {
                all.add(prefix + p.getKey(), p.getValue());
            }
        }
    }

    public PatchEncoder base() {
        return base;
    }

    public AdapterConfig adapters() {
        return config;
    }

    /** The colour adapter, or null when none is configured. */
    public ColorAdapter colorAdapter() {
        return color;
    }

    @Override
    public int gridHeight() {
        return base.gridHeight();
    }

    @Override
    public int gridWidth() {
        return base.gridWidth();
    }

    @Override
    public int dim() {
        return base.dim();
    }

    @Override
    public int inputHeight() {
        return base.inputHeight();
    }

    @Override
    public int inputWidth() {
        return base.inputWidth();
    }

    @Override
    public PixelNormalization normalization() {
        return base.normalization();
    }

    /** Always true: {@link #encode} detaches; the adapters learn only through {@link #encodeDifferentiable}. */
    @Override
    public boolean isFrozen() {
        return true;
    }

    @Override
    public double flopsPerFrame() {
        return base.flopsPerFrame();
    }

    /** The base's id, the adapter config and the adapters' current weights. */
    @Override
    public String id() {
        EncoderFingerprint fingerprint = new EncoderFingerprint().add("adapted").add(base.id()).add(config.toString());
        for (Pair<String, Parameter> p : trainableParameters()) {
            fingerprint.add(p.getKey()).add(p.getValue().getArray().toByteArray());
        }
        return fingerprint.id("adapted");
    }

    @Override
    public void close() {
        manager.close();
    }

    @Override
    public String toString() {
        return "AdaptedPatchEncoder[" + config + " on " + base + "]";
    }
}
