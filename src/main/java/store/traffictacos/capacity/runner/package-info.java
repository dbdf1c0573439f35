/**
 * What a runner and its controller share, so that neither spells it alone: what a runner is given and
 * where it finds the start instant, its live progress line, its results carried through its log, and
 * what one runner can push ({@link RunnerCapacity}). Both sides import it. May import {@code profile},
 * {@code results} and {@code config}.
 */
package store.traffictacos.capacity.runner;
