package dev.bella.spec;

/** How callers' webhooks reach the tasks. */
public enum Ingress {
    /** Application Load Balancer: a fixed hourly price whatever the traffic. */
    ALB("alb"),
    /** API Gateway HTTP API + VPC link + Cloud Map: priced per request, no load balancer. */
    HTTP_API("http-api");

    private final String id;

    Ingress(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
