package dev.bella.cli;

import dev.bella.commitments.CommitmentsQuery;
import dev.bella.commitments.Lookback;
import dev.bella.commitments.Payment;
import dev.bella.commitments.Term;
import dev.bella.rightsize.RightsizeService;
import dev.bella.spec.Spec;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options of `bella cost commitments`, checked into a query, and the --diff/--apply output. */
final class CommitmentsOptions {

    @Option(names = "--lookback", paramLabel = "7d|30d|60d", defaultValue = "30d",
            description = "History the coverage and the recommendations are based on (default: ${DEFAULT-VALUE}).")
    String lookback;

    @Option(names = "--term", paramLabel = "1y|3y", defaultValue = "1y",
            description = "Term of the commitments to advise on (default: ${DEFAULT-VALUE}).")
    String term;

    @Option(names = "--payment", paramLabel = "OPTION", defaultValue = "no-upfront",
            description = "no-upfront, partial-upfront or all-upfront (default: ${DEFAULT-VALUE}).")
    String payment;

    @Option(names = "--fail-under", description = "Exit 1 when reserved coverage is under budget.targets.commitment-coverage "
            + "(default 80%%), for CI.")
    boolean failUnder;

    @Option(names = "--diff", description = "Print the change that makes the spec's commitments match what is held.")
    boolean diff;

    @Option(names = "--apply", description = "Write that change into the spec file, changing only those values.")
    boolean apply;

    CommitmentsQuery query(Spec spec, Optional<String> env, LocalDate today) {
        Lookback l = Lookback.parse(lookback).orElseThrow(() -> new UserException(ExitCode.USAGE,
                "--lookback: expected 7d, 30d or 60d (Cost Explorer's lookbacks), found '" + lookback + "'"));
        Term t = Term.parse(term).orElseThrow(() -> new UserException(ExitCode.USAGE,
                "--term: expected 1y or 3y, found '" + term + "'"));
        Payment p = Payment.parse(payment).orElseThrow(() -> new UserException(ExitCode.USAGE,
                "--payment: expected no-upfront, partial-upfront or all-upfront, found '" + payment + "'"));
        String name = env.orElse(spec.environments().containsKey("prod") ? "prod" : spec.environments().firstKey());
        spec.environment(name).orElseThrow(() -> new UserException(ExitCode.USAGE, "unknown environment '" + name
                + "'; the spec has " + String.join(", ", spec.environments().keySet())));
        return new CommitmentsQuery(l, t, p, spec.budget().commitmentCoverage(), today, name);
    }

    int edit(RightsizeService.SpecEdit edit, OutputOptions output, PrintWriter out, PrintWriter err) {
        edit.edited().notes().forEach(n -> err.println("bella: note: " + n));
        if (apply) {
            err.println("bella: " + edit.apply());
        }
        if (diff) {
            if (!edit.edited().changed()) {
                err.println("bella: the spec's commitments match what is held");
            }
            output.write(edit.diff(), out);
        }
        err.flush();
        return ExitCode.OK.code;
    }
}
