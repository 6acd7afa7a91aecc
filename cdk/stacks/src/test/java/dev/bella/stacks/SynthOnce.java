package dev.bella.stacks;

import dev.bella.spec.SpecLoader;
import java.nio.file.Path;

/** Synthesizes one environment in a JVM of its own: {@code SynthOnce SPEC ENV OUT} (DeterministicSynthTest). */
final class SynthOnce {

    private SynthOnce() {
    }

    public static void main(String[] args) {
        new StackSynthesizer().synth(new SpecLoader().load(Path.of(args[0])), args[1], Path.of(args[2]));
        System.exit(0); // the jsii runtime's threads would otherwise keep the JVM up
    }
}
