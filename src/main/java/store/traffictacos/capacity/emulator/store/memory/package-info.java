/**
 * The default backend ({@link InMemoryStores}): all state in this process, one lock per event where
 * seats or ranks are at stake, nothing that blocks. May import {@code emulator.store} and the store
 * interfaces it implements.
 */
package store.traffictacos.capacity.emulator.store.memory;
