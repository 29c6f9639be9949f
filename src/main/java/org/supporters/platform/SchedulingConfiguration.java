package org.supporters.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the modules' background jobs (the inbox worker, renewals, expiry, mail retries,
 * reconciliation). Each job is safe with several instances: it locks the rows it works on
 * or takes a lease.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

}
