package dev.bella.stacks;

import static dev.bella.stacks.Assemblies.template;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The network stack (VPC, NAT) and the data stack (RDS, ElastiCache) against the spec. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkAndDataTemplateTest {

    private final Template prodNetwork = template("bella", "prod", "bella-prod-network");
    private final Template edgeNetwork = template("variant", "edge", "shop-edge-network");
    private final Template prodData = template("bella", "prod", "bella-prod-data");
    private final Template devData = template("bella", "dev", "bella-dev-data");
    private final Template edgeData = template("variant", "edge", "shop-edge-data");

    @Test
    void noNatGatewayByDefaultAndPublicPlusIsolatedSubnetsInTwoZones() {
        prodNetwork.resourceCountIs("AWS::EC2::VPC", 1);
        prodNetwork.resourceCountIs("AWS::EC2::NatGateway", 0);
        prodNetwork.resourceCountIs("AWS::EC2::Subnet", 4);
        prodNetwork.hasResourceProperties("AWS::EC2::Subnet", Map.of("MapPublicIpOnLaunch", true));
    }

    @Test
    void natGatewaysMovesTasksToPrivateSubnetsInEveryZone() {
        edgeNetwork.resourceCountIs("AWS::EC2::NatGateway", 1);
        edgeNetwork.resourceCountIs("AWS::EC2::Subnet", 9); // public, private, data in 3 zones
        edgeNetwork.hasResourceProperties("AWS::EC2::Subnet", Map.of("AvailabilityZone",
                Map.of("Fn::Select", java.util.List.of(2, Map.of("Fn::GetAZs", "")))));
    }

    @Test
    void databaseTakesClassStorageAvailabilityAndBackupsFromTheSpec() {
        prodData.hasResourceProperties("AWS::RDS::DBInstance", Map.of("Engine", "postgres", "EngineVersion", "16",
                "DBInstanceClass", "db.t4g.micro", "AllocatedStorage", "20", "StorageType", "gp3", "MultiAZ", false,
                "BackupRetentionPeriod", 7, "PubliclyAccessible", false, "StorageEncrypted", true));
        edgeData.hasResourceProperties("AWS::RDS::DBInstance", Map.of("EngineVersion", "17",
                "DBInstanceClass", "db.t3.micro", "AllocatedStorage", "50", "StorageType", "gp2", "MultiAZ", true,
                "BackupRetentionPeriod", 14));
    }

    @Test
    void protectedEnvironmentKeepsItsDatabase() {
        prodData.hasResource("AWS::RDS::DBInstance", Map.of("DeletionPolicy", "Snapshot",
                "Properties", Map.of("DeletionProtection", true)));
        devData.hasResource("AWS::RDS::DBInstance", Map.of("DeletionPolicy", "Delete",
                "Properties", Map.of("DeletionProtection", false)));
    }

    @Test
    void credentialsAreGeneratedIntoSecretsManager() {
        prodData.hasResourceProperties("AWS::SecretsManager::Secret", Map.of("Name", "bella/prod/database",
                "GenerateSecretString", Map.of("GenerateStringKey", "password")));
        prodData.hasResourceProperties("AWS::RDS::DBInstance", Map.of("MasterUserPassword",
                Match.objectLike(Map.of("Fn::Join", Match.anyValue()))));
    }

    @Test
    void redisOnlyWhenTheSpecAsksForIt() {
        prodData.resourceCountIs("AWS::ElastiCache::ReplicationGroup", 0);
        prodNetwork.resourceCountIs("AWS::EC2::SecurityGroupIngress", 2); // webhooks -> service, service -> db
        edgeData.hasResourceProperties("AWS::ElastiCache::ReplicationGroup", Map.of("Engine", "redis",
                "CacheNodeType", "cache.t3.micro", "NumCacheClusters", 2, "AutomaticFailoverEnabled", true));
        edgeNetwork.hasResourceProperties("AWS::EC2::SecurityGroupIngress", Map.of("FromPort", 6379, "ToPort", 6379));
    }
}
