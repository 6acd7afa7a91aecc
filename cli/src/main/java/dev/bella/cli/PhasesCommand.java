package dev.bella.cli;

import java.util.Map;
import dev.bella.aws.AwsClients;
import dev.bella.commitments.CommitmentsQuery;
import dev.bella.commitments.CommitmentsService;
import dev.bella.commitments.Lookback;
import dev.bella.commitments.Payment;
import dev.bella.commitments.Term;
import dev.bella.estimate.EstimatePeriod;
import dev.bella.phases.Finding;
import dev.bella.phases.LiveCoverage;
import dev.bella.phases.PhaseChecker;
import dev.bella.phases.PhaseRenderer;
import dev.bella.phases.RoadmapStatus;
import dev.bella.spec.Phase;
import dev.bella.spec.Spec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(name = "phases",
        description = "The roadmap's phases and their policies (docs/phases.md).",
        footerHeading = "%nExamples:%n",
        footer = {"  bella phases status",
                "  bella phases check --spec-only --through phase-2    # no synth, no Node.js"})
final class PhasesCommand {

    enum Format { table, json, junit }

    /** What both subcommands share: the spec, the environment filter, the templates and the output. */
    static final class Context {
        @Mixin CommonOptions common;
        @Mixin TemplateOptions templates;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
                description = "One of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Format format;

        @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
        Path output;

        Spec spec() {
            Spec spec = SpecResolver.fromEnvironment().load(common);
            common.environment().ifPresent(e -> spec.environment(e).orElseThrow(() -> new UserException(ExitCode.USAGE,
                    "unknown environment '" + e + "'; the spec has " + String.join(", ", spec.environments().keySet()))));
            return spec;
        }

        PhaseChecker checker(Spec spec, Clock clock) {
            return new PhaseChecker(spec, templates.readOrSynthesize(spec, common.environment()),
                    EstimatePeriod.averageMonth(clock));
        }

        /** With the account's reserved coverage (Cost Explorer, the last 30 days) for reserved-coverage-min. */
        PhaseChecker liveChecker(Spec spec, Clock clock, Duration backoff) {
            Supplier<LiveCoverage> coverage = () -> {
                LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
                try (CommitmentsService service = CommitmentsService.of(new AwsClients(common.aws(spec.region())), backoff)) {
                    return service.reservedCoverage(new CommitmentsQuery(Lookback.DAYS_30, Term.ONE_YEAR,
                            Payment.NO_UPFRONT, spec.budget().commitmentCoverage(), today,
                            common.environment().orElse("prod")));
                }
            };
            return new PhaseChecker(spec, templates.readOrSynthesize(spec, common.environment()),
                    EstimatePeriod.averageMonth(clock), Optional.of(coverage));
        }

        PhaseRenderer.Format renderFormat() {
            return PhaseRenderer.Format.valueOf(format.name().toUpperCase(java.util.Locale.ROOT));
        }

        void write(String text, java.io.PrintWriter out) {
            OutputOptions o = new OutputOptions();
            o.output = output;
            o.write(text, out);
        }
    }

    @Command(name = "check",
            description = {"Evaluate every policy of every phase (up to --through).",
                    "Against the synthesized templates, or the spec; exit 1 on any violation, naming the policy, the",
                    "resource, the expected and the actual value."},
            footerHeading = "%nExamples:%n",
            footer = {"  bella phases check",
                    "  bella phases check --through phase-2 --env prod --template cdk.out/prod",
                    "  bella phases check --config configs/examples/baseline.yaml",
                    "  bella phases check --format junit --output phases.xml",
                    "  bella phases check --live --through phase-2 --env prod"})
    static final class Check implements Callable<Integer> {

        @Mixin Context ctx;

        @Option(names = "--through", paramLabel = "PHASE", description = "Check the phases up to this one (default: all).")
        String through;

        @Option(names = "--live", description = "Check reserved-coverage-min against the account's reserved coverage "
                + "(Cost Explorer, last 30 days) as well as the spec; says when only the spec could be checked.")
        boolean live;

        Duration backoff = Duration.ofSeconds(1);

        @CommandLine.Spec
        CommandSpec self;

        Clock clock = Clock.systemUTC();

        @Override
        public Integer call() {
            Spec spec = ctx.spec();
            List<Phase> phases;
            try {
                phases = PhaseChecker.through(spec, Optional.ofNullable(through));
            } catch (IllegalArgumentException e) {
                throw new UserException(ExitCode.USAGE, "--through: " + e.getMessage());
            }
            List<Finding> findings = (live ? ctx.liveChecker(spec, clock, backoff) : ctx.checker(spec, clock))
                    .check(phases, ctx.common.environment());
            ctx.write(PhaseRenderer.check(findings, ctx.renderFormat(), ctx.templates.describe()),
                    self.commandLine().getOut());
            boolean failed = findings.stream().anyMatch(f -> f.check().failed());
            if (failed) {
                self.commandLine().getErr().println("bella: " + PhaseRenderer.summary(findings));
            }
            return failed ? ExitCode.POLICY_VIOLATION.code : ExitCode.OK.code;
        }
    }

    @Command(name = "status",
            description = {"The roadmap: each phase and item's state, and the estimated cost after each phase.",
                    "Each item done, pending, violated or skipped; the estimated monthly cost after each phase."},
            footerHeading = "%nExamples:%n",
            footer = {"  bella phases status", "  bella phases status --env prod --format json"})
    static final class Status implements Callable<Integer>, OfferedValues {

        @Override
        public Map<String, List<String>> offered() {
            return Map.of("--format", List.of(Format.table.name(), Format.json.name()));
        }


        @Mixin Context ctx;

        @CommandLine.Spec
        CommandSpec self;

        Clock clock = Clock.systemUTC();

        @Override
        public Integer call() {
            if (ctx.format == Format.junit) {
                throw new UserException(ExitCode.USAGE, "--format junit is for `bella phases check`; status prints "
                        + "table or json");
            }
            Spec spec = ctx.spec();
            RoadmapStatus status = RoadmapStatus.of(spec, ctx.checker(spec, clock), ctx.common.environment(),
                    EstimatePeriod.averageMonth(clock));
            ctx.write(PhaseRenderer.status(status, ctx.renderFormat()), self.commandLine().getOut());
            return ExitCode.OK.code;
        }
    }
}
