package dev.bella.spec;

/**
 * The VPC. With no NAT gateway, tasks run in public subnets with a public IPv4 address each (billed
 * per hour); with NAT gateways they run in private subnets and every NAT gateway is billed instead.
 */
public record Network(int availabilityZones, int natGateways) {

    public boolean publicTasks() {
        return natGateways == 0;
    }
}
