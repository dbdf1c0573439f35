/**
 * The reference target: an in-process emulator of the Traffic Tacos platform's API (waiting room,
 * reservations, payments) with a known capacity, which laptop runs and the tests load. This package
 * starts it ({@link ReferenceTarget}, configured by {@link TargetConfig}) from its subpackages, and is
 * all that the rest of the project imports of the emulator (but {@code guard.RateLimit}, for the
 * {@code target} command). May import its subpackages and {@code config}, nothing of the load-testing
 * side.
 */
package store.traffictacos.capacity.emulator;
