package dev.bella.stacks;

import dev.bella.spec.Cache;
import dev.bella.spec.Database;
import dev.bella.spec.Environment;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.elasticache.CfnReplicationGroup;
import software.amazon.awscdk.services.elasticache.CfnSubnetGroup;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.CredentialsFromUsernameOptions;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseInstanceEngine;
import software.amazon.awscdk.services.rds.PostgresEngineVersion;
import software.amazon.awscdk.services.rds.PostgresInstanceEngineProps;
import software.amazon.awscdk.services.rds.StorageType;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * RDS PostgreSQL (its credentials generated into Secrets Manager) and, when the spec asks for it, an
 * ElastiCache Redis replication group. A protected environment keeps its database: deletion protection
 * on, and a final snapshot if the stack is ever deleted.
 */
final class DataStack extends Stack {

    static final String DATABASE_NAME = "bella";
    static final String DATABASE_USER = "bella";
    static final String CACHE_TOKEN_KEY = "auth-token";
    static final String APP_USER = "bella_app";

    final DatabaseInstance database;
    final Optional<CfnReplicationGroup> cache;
    /**
     * The application role's credentials ({@code username}, {@code password}): what the service's queries run
     * as. The master secret ({@code database.getSecret()}) is kept for administration and migrations.
     */
    final Secret appCredentials;
    /** Redis AUTH token ({@code auth-token}), only with a cache. */
    final Optional<Secret> cacheToken;

    DataStack(Construct scope, String id, StackProps props, Environment env, NetworkStack network, String project) {
        super(scope, id, props);
        Database db = env.database();
        database = DatabaseInstance.Builder.create(this, "Database")
                .engine(DatabaseInstanceEngine.postgres(PostgresInstanceEngineProps.builder()
                        .version(PostgresEngineVersion.of(db.engineVersion(), db.engineVersion().split("\\.")[0]))
                        .build()))
                // the spec writes RDS's own name (db.t4g.micro); CDK's InstanceType adds the db. prefix itself
                .instanceType(new InstanceType(db.instanceClass().replaceFirst("^db\\.", "")))
                .vpc(network.vpc)
                .vpcSubnets(network.dataSubnets())
                .securityGroups(List.of(network.database))
                .allocatedStorage(db.storageGb())
                .storageType("gp2".equals(db.storageType()) ? StorageType.GP2 : StorageType.GP3)
                .multiAz(db.multiAz())
                .backupRetention(Duration.days(db.backupRetentionDays()))
                .deletionProtection(env.protectedEnv())
                .removalPolicy(env.protectedEnv() ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY)
                .databaseName(DATABASE_NAME)
                .credentials(Credentials.fromGeneratedSecret(DATABASE_USER, CredentialsFromUsernameOptions.builder()
                        .secretName(project + "/" + env.name() + "/database").build()))
                .publiclyAccessible(false)
                .storageEncrypted(true)
                .build();
        if (!db.multiAz()) {
            TradeOffs.SINGLE_AZ_DATABASE.on(database);
        }
        if (!env.protectedEnv()) {
            TradeOffs.DEV_DATABASE_DELETABLE.on(database);
        }
        TradeOffs.DATABASE_DEFAULT_PORT.on(database);
        TradeOffs.NO_SECRET_ROTATION.on(database); // its generated master secret is a child
        // the role itself is created by booking-core at start, with the master credentials, before the pool opens
        appCredentials = Secret.Builder.create(this, "AppCredentials")
                .secretName(project + "/" + env.name() + "/database-app")
                .description("bella " + env.name() + ": the service's own database role (no DDL, no other roles)")
                .generateSecretString(SecretStringGenerator.builder()
                        .secretStringTemplate("{\"username\":\"" + APP_USER + "\"}")
                        .generateStringKey("password").excludePunctuation(true).passwordLength(40).build())
                .build();
        TradeOffs.NO_SECRET_ROTATION.on(appCredentials);

        if (env.cache() instanceof Cache.Redis redis) {
            CfnSubnetGroup subnets = CfnSubnetGroup.Builder.create(this, "CacheSubnets")
                    .description("bella " + env.name() + " cache")
                    .subnetIds(network.vpc.selectSubnets(network.dataSubnets()).getSubnetIds())
                    .build();
            // AUTH needs transit encryption; ElastiCache allows 16-128 printable characters without @ " /
            Secret token = Secret.Builder.create(this, "CacheToken").secretName(project + "/" + env.name() + "/cache")
                    .description("Redis AUTH token of bella " + env.name())
                    .generateSecretString(SecretStringGenerator.builder().secretStringTemplate("{}")
                            .generateStringKey(CACHE_TOKEN_KEY).excludePunctuation(true).passwordLength(64).build())
                    .build();
            TradeOffs.NO_SECRET_ROTATION.on(token);
            cacheToken = Optional.of(token);
            boolean replicas = redis.nodes() > 1;
            cache = Optional.of(CfnReplicationGroup.Builder.create(this, "Cache")
                    .replicationGroupDescription("bella " + env.name() + " LLM result cache")
                    .engine("redis")
                    .cacheNodeType(redis.nodeType())
                    .numCacheClusters(redis.nodes())
                    .automaticFailoverEnabled(replicas)
                    .multiAzEnabled(replicas)
                    .cacheSubnetGroupName(subnets.getRef())
                    .securityGroupIds(List.of(network.cache.orElseThrow().getSecurityGroupId()))
                    .atRestEncryptionEnabled(true)
                    .transitEncryptionEnabled(true)
                    // a dynamic reference: CloudFormation resolves it at deploy, the template holds no token
                    .authToken(token.secretValueFromJson(CACHE_TOKEN_KEY).unsafeUnwrap())
                    .build());
            TradeOffs.CACHE_DEFAULT_PORT.on(cache.get());
            if (!replicas) {
                TradeOffs.SINGLE_NODE_CACHE.on(cache.get());
            }
        } else {
            cache = Optional.empty();
            cacheToken = Optional.empty();
        }
    }
}
