package dev.bella.stacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The findings of the AwsSolutions rule pack (cdk-nag 3, a policy validation plugin) that were neither fixed
 * nor acknowledged, read from the {@code validation-report.json} the CDK writes into the cloud assembly when
 * a plugin reports a violation. No report means no finding.
 */
public final class AwsSolutionsFindings {

    static final String REPORT = "validation-report.json";

    /** One unacknowledged finding: the rule (e.g. {@code AwsSolutions-IAM5[Resource::*]}) on a construct path. */
    public record Finding(String rule, String resource, String description) {
    }

    private AwsSolutionsFindings() {
    }

    /** The findings in {@code assembly}, sorted by resource then rule, so that reports are stable. */
    public static List<Finding> read(Path assembly) {
        Path report = assembly.resolve(REPORT);
        if (!Files.isRegularFile(report)) {
            return List.of();
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(report.toFile());
        } catch (IOException e) {
            throw new StackException("cannot read " + report + ": " + e.getMessage(), e);
        }
        List<Finding> findings = new ArrayList<>();
        for (JsonNode plugin : root.path("pluginReports")) {
            for (JsonNode violation : plugin.path("violations")) {
                for (JsonNode construct : violation.path("violatingConstructs")) {
                    findings.add(new Finding(violation.path("ruleName").asText(),
                            construct.path("constructPath").asText(), violation.path("description").asText()));
                }
            }
        }
        findings.sort(Comparator.comparing(Finding::resource).thenComparing(Finding::rule));
        return List.copyOf(findings);
    }
}
