/**
 * Job plumbing shared by every {@code foresight} command, kept apart from the algorithms the jobs
 * run: settings resolution ({@link ai.foresight.experiments.job.CommandConfig}: command-line flags
 * over a JSON/YAML {@code --config} file over declared defaults), the {@code --json} / {@code
 * result.json} / {@code config.json} contract ({@link ai.foresight.experiments.job.JobCommand},
 * {@link ai.foresight.experiments.job.JobResult}), console output and progress bars, numbered
 * narrative steps, and one-line error reporting with exit codes.
 */
package ai.foresight.experiments.job;
