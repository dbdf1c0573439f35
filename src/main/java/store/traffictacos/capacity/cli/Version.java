package store.traffictacos.capacity.cli;

import picocli.CommandLine;

/** The version from the jar's manifest (the Maven project version), or "dev" when run from classes. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"tacos-capacity " + (version == null ? "dev" : version)};
    }
}
