package dev.bella.rightsize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpecEditorTest {

    static final String SPEC = """
            # Bella spec — comments, odd spacing and quoting must survive an edit byte for byte
            project: bella
            region: ca-central-1

            environments:
              prod:
                service:
                  cpu:    1024        # 1 vCPU (keep this comment)
                  memory: "2048"      # quoted on purpose
                  architecture: x86
                database: {engine: postgres, instance-class: 'db.t3.small', storage-gb: 20}   # flow style
                cache: {engine: redis, node-type: cache.t3.small}
              dev:
                extends: prod
                service: {memory: 4096}
            phases:
              - id: p1
                items:
                  - id: rightsize
                    changes: {environments: {prod: {service: {cpu: 1024}}}}
            """;

    static Change change(String env, String key, String from, String to) {
        return new Change(env, List.of(key.split("\\.")), from, to);
    }

    @Test
    void onlyTheChangedValuesDiffer() {
        SpecEditor.Edited e = SpecEditor.apply(SPEC, "spec.yaml", List.of(change("prod", "service.cpu", "1024", "512"),
                change("prod", "service.memory", "2048", "1024"),
                change("prod", "database.instance-class", "db.t3.small", "db.t3.micro"),
                change("prod", "cache.node-type", "cache.t3.small", "cache.t3.micro")));
        String expected = SPEC.replace("cpu:    1024        #", "cpu:    512        #")
                .replace("memory: \"2048\"", "memory: \"1024\"")
                .replace("instance-class: 'db.t3.small'", "instance-class: 'db.t3.micro'")
                .replace("node-type: cache.t3.small", "node-type: cache.t3.micro");
        assertThat(e.after()).isEqualTo(expected);
        assertThat(e.applied()).isEqualTo(4);
        assertThat(e.notes()).isEmpty();
        // the phase's own `cpu: 1024` (not an environment value) is untouched
        assertThat(e.after()).contains("changes: {environments: {prod: {service: {cpu: 1024}}}}");
    }

    @Test
    void anInheritedValueIsEditedWhereItIsWritten() {
        SpecEditor.Edited e = SpecEditor.apply(SPEC, "spec.yaml", List.of(change("dev", "service.cpu", "1024", "2048"),
                change("dev", "service.memory", "4096", "8192")));
        // dev writes its own memory (edited in dev) but inherits cpu from prod (edited in prod)
        assertThat(e.after()).isEqualTo(SPEC.replace("cpu:    1024", "cpu:    2048").replace("{memory: 4096}", "{memory: 8192}"));
        assertThat(e.notes()).containsExactly("service.cpu of dev is inherited from prod: changed there, so prod changes too");
    }

    @Test
    void aValueLeftToItsDefaultIsReportedNotInvented() {
        SpecEditor.Edited e = SpecEditor.apply(SPEC, "spec.yaml", List.of(change("dev", "cache.nodes", "1", "2")));
        assertThat(e.changed()).isFalse();
        assertThat(e.notes()).containsExactly("cache.nodes of dev is not written in the spec (its default applies): "
                + "add nodes: 2 under environments.dev.cache");
    }

    @Test
    void nonAsciiTextBeforeTheValueKeepsOffsetsRight() {
        String text = "# café ☕ 𝄞\nenvironments:\n  prod:\n    service: {cpu: 1024, memory: 2048}  # ünïcödé\n";
        SpecEditor.Edited e = SpecEditor.apply(text, "s.yaml", List.of(change("prod", "service.memory", "2048", "1024")));
        assertThat(e.after()).isEqualTo(text.replace("memory: 2048", "memory: 1024"));
    }

    @Test
    void theDiffIsUnifiedWithContext() {
        SpecEditor.Edited e = SpecEditor.apply(SPEC, "spec.yaml", List.of(change("prod", "service.cpu", "1024", "512"),
                change("prod", "service.memory", "2048", "1024")));
        assertThat(UnifiedDiff.of("configs/spec.yaml", e.before(), e.after())).isEqualTo("""
                --- a/configs/spec.yaml
                +++ b/configs/spec.yaml
                @@ -5,8 +5,8 @@
                 environments:
                   prod:
                     service:
                -      cpu:    1024        # 1 vCPU (keep this comment)
                -      memory: "2048"      # quoted on purpose
                +      cpu:    512        # 1 vCPU (keep this comment)
                +      memory: "1024"      # quoted on purpose
                       architecture: x86
                     database: {engine: postgres, instance-class: 'db.t3.small', storage-gb: 20}   # flow style
                     cache: {engine: redis, node-type: cache.t3.small}
                """);
        assertThat(UnifiedDiff.of("x", SPEC, SPEC)).isEmpty();
    }

    @Test
    void distantChangesMakeSeparateHunksAndAMissingFinalNewlineIsMarked() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk";
        String after = "A\nb\nc\nd\ne\nf\ng\nh\ni\nj\nK";
        assertThat(UnifiedDiff.of("f", before, after)).isEqualTo("""
                --- a/f
                +++ b/f
                @@ -1,4 +1,4 @@
                -a
                +A
                 b
                 c
                 d
                @@ -8,4 +8,4 @@
                 h
                 i
                 j
                -k
                \\ No newline at end of file
                +K
                \\ No newline at end of file
                """);
    }
}
