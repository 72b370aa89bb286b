// Foresight JShell startup: the notebook facade and the types its results are made of.
// Loaded by `./foresight shell`; load it yourself with `jshell --startup DEFAULT --startup experiments/notebooks/startup.jsh`.
import java.util.*;
import java.nio.file.*;
import ai.foresight.experiments.notebook.*;
import ai.foresight.datasets.env.Observation;
import ai.foresight.datasets.env.StepResult;
import ai.foresight.datasets.image.Frame;
import ai.foresight.experiments.eval.EvaluationSummary;
System.out.println(Notebook.welcome());
