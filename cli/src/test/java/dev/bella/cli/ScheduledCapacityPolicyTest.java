package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policy scheduled-capacity through `bella phases check`: the spec's blocks, and the template's actions. */
class ScheduledCapacityPolicyTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TARGET = "ServiceTaskCountTarget23E25614";

    @TempDir
    Path dir;

    private Path spec(boolean withBlocks) throws IOException {
        String text = PhasesCommandTest.SPEC.formatted("{scheduled-capacity: required}");
        if (withBlocks) {
            text = "timezone: America/Toronto\n" + text
                    .replace("autoscaling: {min: 1, max: 5, target-cpu: 70}}", "autoscaling: {min: 1, max: 5, target-cpu: "
                            + "70, scheduled: [{days: mon-fri, from: \"09:00\", to: \"11:00\", min: 3}]}}")
                    .replace("autoscaling: {min: 1, max: 1}}", "autoscaling: {min: 1, max: 1, scheduled: []}}");
        }
        return Files.writeString(dir.resolve("spec.yaml"), text);
    }

    /** The fixture assemblies, prod's scalable target given these scheduled actions (zone, min). */
    private Path templates(String zone, int... mins) throws IOException {
        Path root = Files.createTempDirectory(dir, "cdk.out");
        for (String e : List.of("prod", "dev")) {
            Path to = Files.createDirectories(root.resolve(e));
            for (String f : List.of("manifest.json", "bella-" + e + ".template.json")) {
                Files.copy(PhasesCommandTest.ASSEMBLY.resolve(e).resolve(f), to.resolve(f));
            }
        }
        Path template = root.resolve("prod").resolve("bella-prod.template.json");
        ObjectNode t = (ObjectNode) JSON.readTree(template.toFile());
        ArrayNode actions = ((ObjectNode) t.get("Resources").get(TARGET).get("Properties")).putArray("ScheduledActions");
        for (int min : mins) {
            ObjectNode a = actions.addObject().put("ScheduledActionName", "min" + min).put("Schedule", "cron(0 9 ? * MON-FRI *)");
            if (zone != null) {
                a.put("Timezone", zone);
            }
            a.putObject("ScalableTargetAction").put("MinCapacity", min);
        }
        JSON.writeValue(template.toFile(), t);
        return root;
    }

    @Test
    void aSpecWithoutAScheduledMinimumFails() throws IOException {
        CliRun run = CliRun.of("phases", "check", "--config", spec(false).toString(), "--spec-only");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines().map(String::strip)).contains("FAIL it scheduled-capacity [prod] spec environments.prod"
                + ".service.autoscaling.scheduled: expected a scheduled minimum (bella cost capacity --apply), found none");
    }

    @Test
    void theTemplatesActionsInTheBlocksZonePass() throws IOException {
        CliRun run = CliRun.of("phases", "check", "--config", spec(true).toString(), "--template",
                templates("America/Toronto", 3, 1).toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("scheduled-capacity").doesNotContain("FAIL");
    }

    @Test
    void actionsInUtcOrMissingFail() throws IOException {
        CliRun utc = CliRun.of("phases", "check", "--config", spec(true).toString(), "--template",
                templates(null, 3, 1).toString());
        assertThat(utc.exitCode()).isEqualTo(1);
        assertThat(utc.out().lines().map(String::strip)).contains("FAIL it scheduled-capacity [prod] bella-prod/" + TARGET
                + " (AWS::ApplicationAutoScaling::ScalableTarget) ScheduledActions[].Timezone: expected America/Toronto, "
                + "found UTC");
        CliRun none = CliRun.of("phases", "check", "--config", spec(true).toString(), "--template",
                templates("America/Toronto").toString());
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.out().lines().map(String::strip)).contains("FAIL it scheduled-capacity [prod] bella-prod/" + TARGET
                + " (AWS::ApplicationAutoScaling::ScalableTarget) ScheduledActions: expected scheduled actions for 1 "
                + "block(s), found 0 action(s)");
    }
}
