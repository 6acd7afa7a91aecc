package dev.bella.cli;

import java.io.File;
import java.io.IOException;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes docs/man (AsciiDoc, one page per command) from the whole command tree; run by the build (cli/pom.xml).
 * The generator's own command line takes a class and builds the tree from its {@code subcommands}, which the
 * commands no longer declare (CommandTree holds them), so it is handed the tree Main builds.
 */
public final class ManPages {

    private ManPages() {
    }

    /** {@code args[0]}: the folder to write. */
    public static void main(String[] args) throws IOException {
        int failed = ManPageGenerator.generateManPage(new File(args[0]), null, new boolean[0], true,
                Main.commandLine().getCommandSpec());
        if (failed != 0) {
            throw new IllegalStateException("man pages: the generator returned " + failed);
        }
    }
}
