package io.distman.submission.boundary;

import jakarta.ejb.Local;

/** The service for modules deployed in the same server. */
@Local
public interface DistributionManagerLocal extends DistributionService {
}
