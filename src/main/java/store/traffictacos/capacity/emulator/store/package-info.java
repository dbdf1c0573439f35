/**
 * One backend for all of the target's state ({@link Stores}): the five stores it holds
 * ({@link StateStores}) and what every backend is configured with ({@link StoreSettings}). The backends,
 * in memory and in Redis, are the subpackages. May import the packages whose store interfaces it gathers:
 * {@code emulator.guard}, {@code emulator.queue}, {@code emulator.reservation} and {@code emulator.payment}.
 */
package store.traffictacos.capacity.emulator.store;
