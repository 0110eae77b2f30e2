package dev.adxfed.emulator.commands;

import dev.adxfed.emulator.KustoError;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.emulator.faults.FaultSwitch;
import dev.adxfed.emulator.server.QueryContext;
import dev.adxfed.kql.KqlParser;
import dev.adxfed.kql.KqlSyntaxException;
import dev.adxfed.kql.syntax.Command;
import dev.adxfed.kql.syntax.Script;

import java.time.Instant;

/**
 * Executes the management commands of one cluster ({@code POST /v1/rest/mgmt}) and records each,
 * failed or not, in the cluster's {@link CommandLog}. Every command validates fully before it
 * changes the catalog, so a failed command changes nothing.
 */
public final class ManagementCommands {

    private final CommandLog log;
    private final TabularPipe pipe;
    private final FunctionValidator validator;
    private final FaultSwitch faults;
    private final DatabaseMaking databaseMaking;

    public ManagementCommands(CommandLog log, TabularPipe pipe, FunctionValidator validator) {
        this(log, pipe, validator, new FaultSwitch(), DatabaseMaking.KUSTO_COMMANDS);
    }

    public ManagementCommands(CommandLog log, TabularPipe pipe, FunctionValidator validator, FaultSwitch faults,
                              DatabaseMaking databaseMaking) {
        this.log = log;
        this.pipe = pipe;
        this.validator = validator;
        this.faults = faults;
        this.databaseMaking = databaseMaking;
    }

    /** The faults armed on this cluster: the server applies them to requests, scripts to their commands. */
    public FaultSwitch faults() {
        return faults;
    }

    /** Runs one command text in the cluster and database of {@code context}. */
    public ResultTable execute(QueryContext context, String text, Caller caller) {
        Instant started = context.now();
        String database = context.database();
        String commandType = "Unknown";
        try {
            Command command = parse(text);
            commandType = commandType(command);
            ResultTable result = run(command, new CommandScope(context, log));
            record(caller, commandType, text, database, started, CommandLog.State.Completed, "");
            return result;
        } catch (RuntimeException e) {
            record(caller, commandType, text, database, started, CommandLog.State.Failed, e.getMessage());
            throw e;
        }
    }

    static Command parse(String text) {
        Script script;
        try {
            script = KqlParser.parse(text);
        } catch (KqlSyntaxException e) {
            throw KustoError.syntax(e.getMessage());
        }
        if (script instanceof Command command) {
            return command;
        }
        throw KustoError.badRequest("this is a query, not a management command (which starts with '.'): "
                + "send it to /v2/rest/query (executeQuery in the SDKs)");
    }

    ResultTable run(Command command, CommandScope scope) {
        if (command instanceof Command.Piped piped) {
            if (piped.command() instanceof Command.ExecuteDatabaseScript) {
                throw KustoError.badArgument(".execute database script cannot be piped into query operators");
            }
            return pipe.pipe(run(piped.command(), scope), piped.operators(), scope.context().now());
        }
        if (command instanceof Command.CreateDatabase c) {
            return DatabaseCommands.create(c, scope, databaseMaking);
        } else if (command instanceof Command.DropDatabase c) {
            return DatabaseCommands.drop(c, scope, databaseMaking);
        } else if (command instanceof Command.ShowDatabases) {
            return DatabaseCommands.show(scope);
        } else if (command instanceof Command.ShowDatabaseSchema c) {
            return SchemaCommands.show(c, scope);
        } else if (command instanceof Command.CreateTable c) {
            return TableCommands.create(c, scope);
        } else if (command instanceof Command.CreateMergeTable c) {
            return TableCommands.createMerge(c, scope);
        } else if (command instanceof Command.DropTable c) {
            return TableCommands.drop(c, scope);
        } else if (command instanceof Command.ShowTables c) {
            return TableCommands.show(c, scope);
        } else if (command instanceof Command.AlterColumnEncoding c) {
            return EncodingPolicyCommands.alter(c, scope);
        } else if (command instanceof Command.ShowEncodingPolicy c) {
            return EncodingPolicyCommands.show(c, scope);
        } else if (command instanceof Command.IngestInline c) {
            return InlineIngestion.ingest(c, scope);
        } else if (command instanceof Command.DefineFunction c) {
            return FunctionCommands.define(c, scope, validator);
        } else if (command instanceof Command.DropFunction c) {
            return FunctionCommands.drop(c, scope);
        } else if (command instanceof Command.ShowFunctions) {
            return FunctionCommands.showAll(scope);
        } else if (command instanceof Command.ShowFunction c) {
            return FunctionCommands.showOne(c, scope);
        } else if (command instanceof Command.DefineEntityGroup c) {
            return EntityGroupCommands.define(c, scope);
        } else if (command instanceof Command.DropEntityGroup c) {
            return EntityGroupCommands.drop(c, scope);
        } else if (command instanceof Command.ShowEntityGroups) {
            return EntityGroupCommands.showAll(scope);
        } else if (command instanceof Command.ShowEntityGroup c) {
            return EntityGroupCommands.showOne(c, scope);
        } else if (command instanceof Command.ExecuteDatabaseScript c) {
            return new DatabaseScript(this).execute(c, scope);
        } else if (command instanceof Command.ShowCommandsAndQueries) {
            return scope.log().table();
        }
        throw KustoError.unsupported("the command at " + command.position().line() + ":" + command.position().column());
    }

    /** The kind of a command as {@code .show commands-and-queries} and script results name it. */
    static String commandType(Command command) {
        if (command instanceof Command.Piped piped) {
            return commandType(piped.command());
        }
        if (command instanceof Command.DefineFunction f) {
            return switch (f.mode()) {
                case CREATE -> "FunctionCreate";
                case CREATE_OR_ALTER -> "FunctionCreateOrAlter";
                case ALTER, ALTER_MERGE -> "FunctionAlter";
            };
        }
        if (command instanceof Command.DefineEntityGroup g) {
            return switch (g.mode()) {
                case CREATE -> "EntityGroupCreate";
                case CREATE_OR_ALTER -> "EntityGroupCreateOrAlter";
                case ALTER -> "EntityGroupAlter";
                case ALTER_MERGE -> "EntityGroupAlterMerge";
            };
        }
        String simple = command.getClass().getSimpleName();
        return switch (simple) {
            case "CreateDatabase" -> "DatabaseCreate";
            case "DropDatabase" -> "DatabaseDrop";
            case "ShowDatabases" -> "DatabasesShow";
            case "ShowDatabaseSchema" -> "DatabaseSchemaShow";
            case "CreateTable" -> "TableCreate";
            case "CreateMergeTable" -> "TableCreateMerge";
            case "DropTable" -> "TableDrop";
            case "ShowTables" -> "TablesShow";
            case "IngestInline" -> "DataIngestInline";
            case "AlterColumnEncoding" -> "AlterColumnPolicyEncoding";
            case "ShowEncodingPolicy" -> "ShowPolicyEncoding";
            case "DropFunction" -> "FunctionDrop";
            case "ShowFunctions" -> "FunctionsShow";
            case "ShowFunction" -> "FunctionShow";
            case "DropEntityGroup" -> "EntityGroupDrop";
            case "ShowEntityGroups" -> "EntityGroupsShow";
            case "ShowEntityGroup" -> "EntityGroupShow";
            case "ExecuteDatabaseScript" -> "DatabaseScriptExecute";
            case "ShowCommandsAndQueries" -> "CommandsAndQueriesShow";
            default -> simple;
        };
    }

    private void record(Caller caller, String commandType, String text, String database, Instant started,
                        CommandLog.State state, String reason) {
        log.record(new CommandLog.Entry(caller.clientRequestId(), commandType, text, database, started, Instant.now(),
                state, reason == null ? "" : reason, caller.activityId(), caller.user(), caller.application(), caller.properties()));
    }
}
