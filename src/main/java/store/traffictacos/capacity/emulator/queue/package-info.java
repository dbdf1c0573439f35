/**
 * The waiting room: its rules as data ({@link AdmissionPolicy}), the tickets and what is known of them,
 * its routes and its store interface. May import {@code emulator.http}.
 */
package store.traffictacos.capacity.emulator.queue;
