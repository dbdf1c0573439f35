/**
 * The run spec file and the CLI options over it, bound into the controller's {@link
 * store.traffictacos.capacity.controller.RunSpec}: {@link store.traffictacos.capacity.controller.spec.RunSpecFile}
 * and one class per section. Imports the shared checks ({@code config}), {@code yaml}, {@code profile}
 * and the controller's value types; the controller does not import it.
 */
package store.traffictacos.capacity.controller.spec;
