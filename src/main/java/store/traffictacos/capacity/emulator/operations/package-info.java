/**
 * Health, readiness, metrics and the admin routes, without auth or rate limit ({@link OperationsApi}).
 * May import {@code emulator.http}, {@code emulator.metrics} and {@code emulator.store}.
 */
package store.traffictacos.capacity.emulator.operations;
