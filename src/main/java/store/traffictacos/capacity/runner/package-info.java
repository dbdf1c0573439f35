/**
 * The contract between a runner and its controller, so that neither spells it alone: what a runner is
 * told ({@link RunnerSettings}, with {@link ProfileChoice}, {@link StartPlan} and {@link Journeys}),
 * where a run's files are ({@link RunFolder}), how a runner is started and finds the start instant,
 * its live progress line, its results carried through its log, and what one runner can push
 * ({@link RunnerCapacity}). Both sides import it. May import {@code profile}, {@code results} and
 * {@code config}.
 */
package store.traffictacos.capacity.runner;
