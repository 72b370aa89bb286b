package ai.foresight.experiments.cli;

import ai.foresight.encoders.PatchEncoder;
import ai.foresight.encoders.cache.FeaturePrecision;
import ai.foresight.encoders.catalog.Encoders;
import ai.foresight.experiments.encode.DatasetEncoding;
import ai.foresight.experiments.job.JobCommand;
import ai.foresight.experiments.job.JobConsole;
import ai.foresight.experiments.job.JobResult;
import ai.foresight.experiments.job.Progress;
import ai.foresight.datasets.store.Dataset;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code foresight encode}: every frame of a dataset through a frozen patch encoder, once, into the
 * feature cache ({@code DIR/features/<encoder-id>/} by default). Rerunning with the same encoder and
 * data reuses the features; a different encoder or changed data rebuilds them.
 */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = "Encode every frame of a dataset into the feature cache (reused when nothing changed).")
public final class EncodeCommand extends JobCommand {
    static final List<String> PRECISIONS = List.of("float32", "float16");

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Dataset directory.")
    private Path data;

    @Option(names = "--encoder", paramLabel = "NAME", defaultValue = "default",
            description = "default, random-tiny, random-default, an encoder folder or a TorchScript .pt file "
                    + "(default: ${DEFAULT-VALUE}).")
    private String encoder;

    @Option(names = "--precision", paramLabel = "P", defaultValue = "float32",
            description = "Stored precision: float32, float16 (default: ${DEFAULT-VALUE}).")
    private String precision;

    @Option(names = "--cache", paramLabel = "DIR", description = "Cache folder (default: DATA/features/<encoder-id>).")
    private Path cache;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "64", description = "Frames per forward pass (default: ${DEFAULT-VALUE}).")
    private int batch;

    private Path resolvedCache;

    @Override
    protected void validate() {
        requireOneOf("--precision", precision, PRECISIONS);
        requireAtLeast("--batch", batch, 1);
    }

    @Override
    protected JobResult run(JobConsole console) throws Exception {
        int episodes = Dataset.open(data).size();
        try (PatchEncoder enc = Encoders.load(encoder)) {
            FeaturePrecision p = FeaturePrecision.valueOf(precision.toUpperCase(Locale.ROOT));
            DatasetEncoding.Outcome outcome = Progress.track(console, "encode", episodes, "episodes",
                    progress -> DatasetEncoding.run(enc, data, cache, p, batch, (done, total) -> progress.accept(done)));
            resolvedCache = outcome.cacheDir();
            if (outcome.reused()) {
                console.say("Features of %s under %s are up to date in %s (%d frames; nothing encoded)", data, enc.id(),
                        outcome.cacheDir(), outcome.frames());
            } else {
                console.say("Encoded %d frames of %s with %s (%d tokens x %d) in %.1f s (%.0f frames/s) into %s",
                        outcome.frames(), data, enc.id(), enc.tokens(), enc.dim(), outcome.seconds(),
                        outcome.framesPerSecond(), outcome.cacheDir());
            }
            return new JobResult()
                    .put("encoder", encoder)
                    .put("encoder_id", enc.id())
                    .put("frames", outcome.frames())
                    .put("episodes", outcome.cache().episodes())
                    .put("tokens", enc.tokens())
                    .put("dim", enc.dim())
                    .put("precision", precision)
                    .put("seconds", outcome.seconds())
                    .put("frames_per_second", outcome.framesPerSecond())
                    .put("cache_dir", outcome.cacheDir())
                    .put("reused", outcome.reused());
        }
    }

    @Override
    protected Path outputDirectory() {
        return resolvedCache;
    }
}
