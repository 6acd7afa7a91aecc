package dev.bella.stacks;

import dev.bella.spec.Environment;
import dev.bella.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/** Composes one environment's stacks into an app: network, data, service and, with a schedule, scheduler. */
public final class BellaStacks {

    private BellaStacks() {
    }

    /** The stack names for an environment, in deployment order. */
    public static List<String> names(Spec spec, Environment env) {
        List<String> names = new ArrayList<>(List.of(name(spec, env, "network"), name(spec, env, "data"),
                name(spec, env, "service")));
        if (env.schedule().isPresent()) {
            names.add(name(spec, env, "scheduler"));
        }
        return names;
    }

    static String name(Spec spec, Environment env, String part) {
        return spec.project() + "-" + env.name() + "-" + part;
    }

    /** Adds the environment's stacks to {@code app}; returns them in deployment order. */
    public static List<software.amazon.awscdk.Stack> add(App app, Spec spec, Environment env) {
        // region from the spec; the account stays the deploying credentials' (environment-agnostic), so
        // synth needs no AWS access and no context lookups
        StackProps props = StackProps.builder()
                .env(software.amazon.awscdk.Environment.builder().region(spec.region()).build())
                .description("bella " + env.name() + " (generated from the spec by bella stack synth)")
                .build();
        NetworkStack network = new NetworkStack(app, name(spec, env, "network"), props, env);
        DataStack data = new DataStack(app, name(spec, env, "data"), props, env, network, spec.project());
        ServiceStack service = new ServiceStack(app, name(spec, env, "service"), props, env, network, data,
                spec.project(), spec.budget().recipients(), ContainerImages.baseDir(spec), spec.scheduleOf(env));
        List<software.amazon.awscdk.Stack> stacks = new ArrayList<>(List.of(network, data, service));
        spec.scheduleOf(env).ifPresent(schedule -> stacks.add(new SchedulerStack(app, name(spec, env, "scheduler"),
                props, env, schedule, network, data, service, spec.project(), ContainerImages.baseDir(spec))));
        for (var stack : stacks) {
            Tags.of(stack).add("Project", spec.project());
            Tags.of(stack).add("Environment", env.name());
            Tags.of(stack).add("bella:managed", "true");
        }
        return stacks;
    }
}
