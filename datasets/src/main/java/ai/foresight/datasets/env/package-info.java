/**
 * The environment API: {@link ai.foresight.datasets.env.Env}, its static
 * {@link ai.foresight.datasets.env.EnvSpec} and the observations it emits.
 */
package ai.foresight.datasets.env;
