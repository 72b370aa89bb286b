/**
 * The {@code foresight} command line ({@link ai.foresight.experiments.cli.ForesightCli}): one picocli
 * command class per job ({@code quickstart}, {@code generate}, {@code show}, {@code doctor},
 * {@code bench generate}). Command classes declare options, validate them and tell the job's story;
 * the algorithms live in {@code report}, {@code doctor} and {@code bench}, the plumbing in {@code job}.
 */
package ai.foresight.experiments.cli;
