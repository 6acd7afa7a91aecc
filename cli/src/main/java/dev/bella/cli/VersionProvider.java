package dev.bella.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (set by the build), so it cannot drift from the POM. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"bella " + (v == null ? "development build" : v),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
