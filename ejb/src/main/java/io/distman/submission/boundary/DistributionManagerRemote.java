package io.distman.submission.boundary;

import jakarta.ejb.Remote;

/** The service for modules in other JVMs (IIOP); arguments and results are serializable records. */
@Remote
public interface DistributionManagerRemote extends DistributionService {
}
