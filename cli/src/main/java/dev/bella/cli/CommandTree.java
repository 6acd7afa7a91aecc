package dev.bella.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;

/**
 * The command tree, and how much of it a run builds. picocli builds a command's model by reflection (every field,
 * method and annotation of the class and its mixins) and builds every subcommand named in {@code @Command} with it,
 * so a tree declared through {@code subcommands = ...} is built whole on every run: most of the start-up of a
 * command that then does little. The group commands therefore name no subcommands; this table does, and a run
 * builds only the branch its words name when that is enough to answer exactly as the whole tree would.
 */
final class CommandTree {

    /** Each group's subcommands, in the order the group's help lists them. */
    private static final Map<Class<?>, List<Class<?>>> CHILDREN = Map.of(
            BellaCommand.class, List.of(CostCommand.class, SpecCommand.class, PricesCommand.class,
                    CompletionCommand.class, PhasesCommand.class, StackCommand.class, BookingCommand.class),
            CostCommand.class, List.of(CostReportCommand.class, CostAlarmsCommand.class, CostRightsizeCommand.class,
                    CostScheduleDevCommand.class, CostDiffCommand.class, CostAlternativesCommand.class,
                    CostCommitmentsCommand.class, CostCapacityCommand.class),
            CostAlarmsCommand.class, List.of(CostAlarmsCommand.PlanCommand.class, CostAlarmsCommand.ApplyCommand.class,
                    CostAlarmsCommand.ListCommand.class, CostAlarmsCommand.DeleteCommand.class),
            CostScheduleDevCommand.class, List.of(ScheduleDevRunCommand.class, ScheduleDevRunCommand.Stop.class,
                    ScheduleDevRunCommand.Start.class, ScheduleDevStatusCommand.class, ScheduleDevPlanCommand.class),
            SpecCommand.class, List.of(SpecCommand.Validate.class),
            PricesCommand.class, List.of(PricesRefreshCommand.class),
            PhasesCommand.class, List.of(PhasesCommand.Status.class, PhasesCommand.Check.class),
            StackCommand.class, List.of(StackSynthCommand.class, StackDiffCommand.class, StackDeployCommand.class),
            BookingCommand.class, List.of(BookingServeCommand.class, BookingCallCommand.class,
                    BookingExtractCommand.class));

    /** Leaves whose work is the whole tree (the completion script lists every command and option). */
    private static final Set<Class<?>> NEED_WHOLE_TREE = Set.of(CompletionCommand.class);

    private CommandTree() {
    }

    /** Every command class of the tree. */
    static Set<Class<?>> commands() {
        Set<Class<?>> all = new HashSet<>(CHILDREN.keySet());
        CHILDREN.values().forEach(all::addAll);
        return all;
    }

    /** Every command. */
    static CommandLine whole() {
        CommandLine root = new CommandLine(new BellaCommand());
        for (Class<?> cls : CHILDREN.get(BellaCommand.class)) {
            root.addSubcommand(withSubcommands(cls, root.getFactory()));
        }
        transformSubcommands(root);
        return root;
    }

    /**
     * The root and the one branch the leading words of {@code args} name, down to a leaf command; the whole tree
     * when the words name no leaf: an option or an unknown (or abbreviated) word before the leaf, a group alone
     * ({@code bella}, {@code bella cost}: its help lists its subcommands), or a leaf that needs the whole tree. What
     * picocli reports then (usage, "did you mean", the subcommand list) is what it always reported.
     */
    static CommandLine forArgs(String... args) {
        Class<?> node = BellaCommand.class;
        List<Class<?>> path = new ArrayList<>();
        for (String arg : args) {
            Class<?> next = child(node, arg);
            if (next == null) {
                return whole();
            }
            path.add(next);
            node = next;
            if (!CHILDREN.containsKey(node)) {
                break;
            }
        }
        if (CHILDREN.containsKey(node) || NEED_WHOLE_TREE.contains(node)) {
            return whole();
        }
        // built from the leaf up, each command complete before it joins its parent, as picocli builds a declared tree
        CommandLine root = new CommandLine(new BellaCommand());
        CommandLine branch = null;
        for (int i = path.size() - 1; i >= 0; i--) {
            CommandLine cmd = new CommandLine(path.get(i), root.getFactory());
            if (branch != null) {
                cmd.addSubcommand(branch);
            }
            branch = cmd;
        }
        root.addSubcommand(branch);
        transformSubcommands(root);
        return root;
    }

    private static Class<?> child(Class<?> group, String word) {
        for (Class<?> c : CHILDREN.getOrDefault(group, List.of())) {
            Command command = c.getAnnotation(Command.class);
            if (command.name().equals(word) || List.of(command.aliases()).contains(word)) {
                return c;
            }
        }
        return null;
    }

    private static CommandLine withSubcommands(Class<?> cls, IFactory factory) {
        CommandLine cmd = new CommandLine(cls, factory);
        for (Class<?> sub : CHILDREN.getOrDefault(cls, List.of())) {
            cmd.addSubcommand(withSubcommands(sub, factory));
        }
        return cmd;
    }

    /**
     * The root's model transformer ({@link OfferedValues}) ran when the root was made, before it had subcommands;
     * it is run again on each subcommand once the tree is complete, as picocli runs it on a declared tree.
     */
    private static void transformSubcommands(CommandLine root) {
        var transformer = root.getCommandSpec().modelTransformer();
        for (CommandLine sub : root.getSubcommands().values()) {
            transformer.transform(sub.getCommandSpec());
        }
    }
}
